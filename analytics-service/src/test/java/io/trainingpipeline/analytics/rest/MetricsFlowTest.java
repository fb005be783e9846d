package io.trainingpipeline.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.trainingpipeline.analytics.TestEvents;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Events in through the real broker → stored metrics equal the closed form and what-if → a flags
 * event out on analytics.flag.v1 with values, threshold and severity, with a deterministic id.
 */
@QuarkusTest
class MetricsFlowTest {
    static final LocalDate START = LocalDate.parse("2026-03-01");
    static final int DAYS = 60;

    @Inject AnalyticsStore store;
    @Inject MeterRegistry registry;

    @Test
    void eventsInMetricsAndFlagsOut() {
        KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
        List<EventEnvelope<?>> activities = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            activities.add(TestEvents.run("flow1", START.plusDays(d), 169)); // HRSS 100 each
        }
        activities.add(activities.get(3)); // duplicate
        Collections.shuffle(activities, new Random(5)); // out of order
        probe.publish(Topics.INGEST_ACTIVITY, activities);
        LocalDate last = START.plusDays(DAYS - 1);
        List<EventEnvelope<?>> wellness = new ArrayList<>();
        wellness.add(TestEvents.sleep("flow1", last, 5.0)); // last night < 6 h: sleep_short
        wellness.add(TestEvents.hrv("flow1", last, 60.0));
        probe.publish(Topics.INGEST_WELLNESS, wellness);
        double malformedBefore = malformed();
        probe.publishRaw(Topics.INGEST_WELLNESS, "flow1", "{nope".getBytes(StandardCharsets.UTF_8));
        probe.publish(
                Topics.INGEST_WELLNESS, List.of(TestEvents.sleep("flow1", last.minusDays(1), 8.0)));

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                store.queries().dailyLoads("flow1").size() == DAYS
                                        && store.queries().sleepHours("flow1").size() == 2);
        assertThat(malformed()).isEqualTo(malformedBefore + 1);
        assertThat(registry.find("db_lock_seconds").timer().count()).isPositive();
        assertThat(registry.find("hrv_last_timestamp").tag("athlete", "flow1").gauge().value())
                .isEqualTo(last.atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toEpochSecond());

        JsonPath metrics =
                given().get("/athletes/flow1/metrics?from=" + START + "&to=" + last)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<Map<String, Object>> days = metrics.getList("days");
        assertThat(days).hasSize(DAYS);
        assertThat(metrics.getDouble("days[59].load")).isCloseTo(100.0, within(1e-6));
        assertThat(metrics.getDouble("days[59].ctl"))
                .isCloseTo(100 * (1 - Math.exp(-DAYS / 42.0)), within(1e-3)); // JSON read as float
        assertThat(metrics.getDouble("days[59].atl"))
                .isCloseTo(100 * (1 - Math.exp(-DAYS / 7.0)), within(1e-3));
        assertThat(metrics.getString("days[59].date")).isEqualTo(last.toString());
        assertThat(metrics.getDouble("days[59].sleepHours")).isEqualTo(5.0);
        assertThat(days.get(59)).containsKeys("tsb", "ramp", "acwr", "hrvZ7", "hrvZNight", "flags");

        // the same history through what-if gives the same days
        double[] loads = new double[DAYS];
        java.util.Arrays.fill(loads, 100);
        JsonPath whatIf =
                given().contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "start", START.toString(),
                                        "dailyLoads", loads,
                                        "sleepNights",
                                                List.of(
                                                        Map.of(
                                                                "date",
                                                                last.toString(),
                                                                "hours",
                                                                5.0),
                                                        Map.of(
                                                                "date",
                                                                last.minusDays(1).toString(),
                                                                "hours",
                                                                8.0)),
                                        "hrvNights",
                                                List.of(
                                                        Map.of(
                                                                "date",
                                                                last.toString(),
                                                                "rmssd",
                                                                60.0))))
                        .post("/what-if")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        for (String field : List.of("ctl", "atl", "tsb", "ramp", "acwr")) {
            assertThat(whatIf.getDouble("days[59]." + field))
                    .as(field)
                    .isCloseTo(metrics.getDouble("days[59]." + field), within(1e-6));
        }

        String eventId =
                given().post("/admin/evaluate?athlete=flow1&today=" + last)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("published[0].eventId");
        var seen =
                probe.readUntil(
                        Topics.ANALYTICS_FLAG,
                        events -> events.stream().anyMatch(e -> e.eventId().equals(eventId)),
                        Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        EventEnvelope<FlagsRaised> event =
                (EventEnvelope<FlagsRaised>)
                        (EventEnvelope<?>)
                                seen.stream()
                                        .filter(e -> e.eventId().equals(eventId))
                                        .findFirst()
                                        .orElseThrow();
        assertThat(event.athleteId()).isEqualTo("flow1");
        assertThat(event.payload().weekStart()).isEqualTo(LocalDate.parse("2026-05-04"));
        var sleepFlag =
                event.payload().flags().stream()
                        .filter(f -> f.name().equals("sleep_short"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sleepFlag.values()).containsEntry("lastNightHours", 5.0);
        assertThat(sleepFlag.threshold()).isEqualTo(6.0);
        assertThat(sleepFlag.severity()).isNotNull();
        // a repeated evaluation on the same data reproduces the id; the flags query agrees
        assertThat(
                        given().post("/admin/evaluate?athlete=flow1&today=" + last)
                                .then()
                                .extract()
                                .jsonPath()
                                .getString("published[0].eventId"))
                .isEqualTo(eventId);
        String sundayId =
                given().post("/admin/evaluate?athlete=flow1&today=2026-05-03")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("published[0].eventId");
        assertThat(
                        given().get("/athletes/flow1/flags?week=2026-W19")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("eventId"))
                .isEqualTo(sundayId);
    }

    @Test
    void anAthleteWithoutDataGetsAnEmptyFlagsEvent() {
        KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
        String eventId =
                given().post("/admin/evaluate?athlete=empty1&today=2026-05-03")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("published[0].eventId");
        var seen =
                probe.readUntil(
                        Topics.ANALYTICS_FLAG,
                        events -> events.stream().anyMatch(e -> e.eventId().equals(eventId)),
                        Duration.ofSeconds(60));
        var event =
                seen.stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElseThrow();
        assertThat(((FlagsRaised) event.payload()).flags()).isEmpty();
        assertThat(
                        registry.find("flow_success_total")
                                .tag("flow", "adapt_weekly")
                                .counter()
                                .count())
                .isGreaterThanOrEqualTo(1);
    }

    private double malformed() {
        var c =
                registry.find("events_malformed_total")
                        .tag("topic", Topics.INGEST_WELLNESS)
                        .counter();
        return c == null ? 0 : c.count();
    }
}
