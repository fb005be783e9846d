package io.trainingpipeline.planner.garmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trainingpipeline.garmin.auth.GarminTokens;
import io.trainingpipeline.planner.TestAthletes;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** overrides_allowed=false: decisions are made and shown, nothing is pushed until approved. */
@QuarkusTest
@TestProfile(ApprovalModeTest.ApprovalMode.class)
class ApprovalModeTest {
    /** Approval mode. */
    public static class ApprovalMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("overrides_allowed", "false", "planner.proposal-timeout", "PT2S");
        }
    }

    @Inject GarminTokens tokens;
    final MiniGarmin garmin = MiniGarminTestResource.instance();
    final LocalDate week = TestAthletes.nextWeek();

    long ours(String athlete) {
        return garmin.workouts().values().stream()
                .filter(
                        w ->
                                w.path("description")
                                        .asText()
                                        .contains("[training-pipeline " + athlete + "/"))
                .count();
    }

    @Test
    void decisionsWaitForApproval() throws Exception {
        String athlete = TestAthletes.create("approve");
        Path file = Path.of("target", "test-data", "approve-tokens.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, garmin.auth().issue(Duration.ofHours(2)).toPythonJson());
        tokens.importTokens(athlete, file);
        PlanDocument v1 = TestAthletes.plan(athlete, week);

        KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
        var flags =
                EventEnvelope.wrap(
                        EventIds.of(EventType.FLAGS_RAISED, athlete, week),
                        Instant.now(),
                        athlete,
                        EventSources.ANALYTICS,
                        null,
                        new FlagsRaised(week, week.minusDays(1), List.of()));
        probe.publish(Topics.ANALYTICS_FLAG, List.of(flags));
        var decided =
                probe.readUntil(
                        Topics.PLANNER_DECISION,
                        l -> l.stream().anyMatch(e -> e.athleteId().equals(athlete)),
                        Duration.ofSeconds(60));
        PlanDecided d =
                (PlanDecided)
                        decided.stream()
                                .filter(e -> e.athleteId().equals(athlete))
                                .findFirst()
                                .orElseThrow()
                                .payload();
        assertThat(d.resultingPlanVersion()).isEqualTo(v1.version());

        // shown but not pushed; a push request is refused until a version is approved
        given().post("/athletes/" + athlete + "/plan/push?week=" + week).then().statusCode(409);
        assertThat(ours(athlete)).isZero();

        PushResult approved =
                given().post(
                                "/athletes/"
                                        + athlete
                                        + "/plan/approve?version="
                                        + v1.version()
                                        + "&week="
                                        + week)
                        .then()
                        .statusCode(200)
                        .extract()
                        .as(PushResult.class);
        assertThat(approved.ok()).isTrue();
        assertThat(ours(athlete)).isEqualTo(v1.sessions().stream().filter(s -> s.isRun()).count());
        given().get("/athletes/" + athlete + "/plan/history")
                .then()
                .statusCode(200)
                .body(
                        "cause",
                        org.hamcrest.Matchers.hasItems(
                                "generated", "adaptation", "approved", "pushed"));
    }
}
