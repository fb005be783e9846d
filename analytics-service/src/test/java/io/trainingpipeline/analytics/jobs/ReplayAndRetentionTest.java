package io.trainingpipeline.analytics.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.analytics.TestEvents;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Duplicate and out-of-order events leave the same state as a clean in-order delivery; a full
 * replay reproduces the live tables (content hash); retention keeps the metrics identical.
 */
@QuarkusTest
class ReplayAndRetentionTest {
    @Inject AnalyticsStore store;
    @Inject io.micrometer.core.instrument.MeterRegistry registry;

    private static List<EventEnvelope<?>> history(String athlete, LocalDate start, int days) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        Random random = new Random(athlete.length());
        for (int d = 0; d < days; d++) {
            if (d % 7 != 3) {
                events.add(TestEvents.run(athlete, start.plusDays(d), 120 + random.nextInt(60)));
            }
            events.add(TestEvents.hrv(athlete, start.plusDays(d), 40 + random.nextInt(40)));
            events.add(TestEvents.sleep(athlete, start.plusDays(d), 5 + random.nextInt(4)));
        }
        return events;
    }

    private static void publish(KafkaProbe probe, List<EventEnvelope<?>> events) {
        List<EventEnvelope<?>> act = new ArrayList<>();
        List<EventEnvelope<?>> well = new ArrayList<>();
        events.forEach(e -> (e.type().topic().equals(Topics.INGEST_ACTIVITY) ? act : well).add(e));
        probe.publish(Topics.INGEST_ACTIVITY, act);
        probe.publish(Topics.INGEST_WELLNESS, well);
    }

    private String metrics(String athlete, String from, String to) {
        return given().get("/athletes/" + athlete + "/metrics?from=" + from + "&to=" + to)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("days")
                .toString();
    }

    private void awaitStored(String athlete, int activityDays, int nights) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                store.queries().dailyLoads(athlete).size() == activityDays
                                        && store.queries().hrvNights(athlete).size() == nights
                                        && store.queries().sleepHours(athlete).size() == nights);
    }

    @Test
    void duplicatesAndDisorderChangeNothingAndReplayReproducesTheTables() throws Exception {
        KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
        LocalDate start = LocalDate.parse("2026-02-02");
        List<EventEnvelope<?>> clean = history("replay-clean", start, 70);
        List<EventEnvelope<?>> messy = new ArrayList<>(history("replay-messy", start, 70));
        messy.addAll(messy.subList(0, 40)); // duplicates
        Collections.shuffle(messy, new Random(11)); // late and out of order
        publish(probe, clean);
        publish(probe, messy);
        awaitStored("replay-clean", 60, 70);
        awaitStored("replay-messy", 60, 70);
        assertThat(metrics("replay-messy", "2026-02-02", "2026-04-20"))
                .isEqualTo(metrics("replay-clean", "2026-02-02", "2026-04-20"));

        List<String> athletes = List.of("replay-clean", "replay-messy");
        String live = store.queries().contentHash(athletes);
        String liveMetrics = metrics("replay-messy", "2026-02-02", "2026-04-20");
        given().post("/admin/rebuild").then().statusCode(200);
        assertThat(store.queries().contentHash(athletes)).isEqualTo(live);
        assertThat(metrics("replay-messy", "2026-02-02", "2026-04-20")).isEqualTo(liveMetrics);
    }

    @Test
    void retentionDeletesOldRawRowsAndKeepsMetrics() {
        KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
        LocalDate start = LocalDate.parse("2025-06-02");
        publish(probe, history("retention1", start, 150));
        int activityDays =
                (int)
                        history("retention1", start, 150).stream()
                                .filter(e -> e.type().topic().equals(Topics.INGEST_ACTIVITY))
                                .count();
        awaitStored("retention1", activityDays, 150);
        String before = metrics("retention1", "2025-06-02", "2025-12-31");
        int rowsBefore =
                given().get("/athletes/retention1/activities")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size();

        given().post("/admin/retention?today=2025-12-31").then().statusCode(200);
        assertThat(registry.find("flow_success_total").tag("flow", "retention").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(
                        registry.find("flow_last_success_timestamp")
                                .tag("flow", "retention")
                                .gauge()
                                .value())
                .isPositive();

        int rowsAfter =
                given().get("/athletes/retention1/activities")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size();
        assertThat(rowsBefore).isEqualTo(activityDays);
        // cutoff 2025-10-02: only the activities of the last 90 days stay raw
        assertThat(rowsAfter).isLessThan(rowsBefore).isGreaterThan(0);
        given().get("/athletes/retention1/activities")
                .then()
                .extract()
                .jsonPath()
                .getList("localDate", String.class)
                .forEach(
                        d ->
                                assertThat(LocalDate.parse(d))
                                        .isAfterOrEqualTo(LocalDate.parse("2025-10-02")));
        assertThat(metrics("retention1", "2025-06-02", "2025-12-31")).isEqualTo(before);
    }
}
