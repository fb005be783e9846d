package io.trainingpipeline.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityConsumerTest {
    @Inject AnalyticsStore store;

    static EventEnvelope<ActivityRecorded> activity(String athlete, String key, Instant start) {
        ActivityRecorded payload =
                new ActivityRecorded(
                        key,
                        "running",
                        null,
                        "Easy run",
                        LocalDateTime.parse("2026-11-20T07:00:00"),
                        start,
                        3600,
                        3500.0,
                        10000.0,
                        140,
                        160,
                        List.of(),
                        Map.of(140, 3600.0),
                        null,
                        null,
                        null,
                        null);
        return EventEnvelope.wrap(
                EventIds.of(EventType.ACTIVITY_RECORDED, EventSources.SYNTHETIC, athlete, key),
                start,
                athlete,
                EventSources.SYNTHETIC,
                null,
                payload);
    }

    @Test
    void duplicateAndMalformedRecordsLeaveOneRowPerActivity() {
        KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
        var first = activity("dup-a1", "k1", Instant.parse("2026-11-20T06:00:00Z"));
        var second = activity("dup-a1", "k2", Instant.parse("2026-11-21T06:00:00Z"));

        probe.publish(Topics.INGEST_ACTIVITY, List.of(first, second, first));
        probe.publishRaw(
                Topics.INGEST_ACTIVITY, "dup-a1", "{broken".getBytes(StandardCharsets.UTF_8));
        probe.publish(Topics.INGEST_ACTIVITY, List.of(second));
        var marker = activity("dup-a1", "k3", Instant.parse("2026-11-22T06:00:00Z"));
        probe.publish(Topics.INGEST_ACTIVITY, List.of(marker));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.queries().activities("dup-a1").size() == 3);
        assertThat(
                        given().get("/athletes/dup-a1/activities")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("eventId"))
                .containsExactly(marker.eventId(), second.eventId(), first.eventId());
    }
}
