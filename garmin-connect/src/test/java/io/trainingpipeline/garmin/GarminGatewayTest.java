package io.trainingpipeline.garmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.garmin.auth.GarminSignIn;
import io.trainingpipeline.garmin.auth.GarminTokens;
import io.trainingpipeline.garmin.model.GarminActivity;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminAuth.Tokens;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GarminGatewayTest {
    /** Every secret this class handed out; the last test greps the log for them. */
    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    @Inject GarminGateway gateway;
    @Inject GarminTokens tokens;
    @Inject GarminSignIn signIn;
    @Inject MeterRegistry registry;
    @Inject Alerts alerts;

    final MiniGarmin garmin = MiniGarminTestResource.instance();
    final LocalDate today = LocalDate.now(MiniGarminTestResource.ZONE);

    @AfterEach
    void clearFaults() {
        garmin.faults().clear();
    }

    /** Collects human-needed alerts. */
    @Singleton
    static class Alerts {
        final List<GarminHumanNeeded> seen = new CopyOnWriteArrayList<>();

        void on(@Observes GarminHumanNeeded alert) {
            seen.add(alert);
        }
    }

    private String athleteWithTokens(Duration ttl) throws IOException {
        String athlete = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        Tokens t = garmin.auth().issue(ttl);
        SECRETS.add(t.accessToken());
        SECRETS.add(t.refreshToken());
        Path python = Files.createTempFile("garmin_tokens", ".json");
        Files.writeString(python, t.toPythonJson());
        tokens.importTokens(athlete, python);
        return athlete;
    }

    @Test
    @Order(1)
    void importedTokensAreStored0600AndServeApiCalls() throws Exception {
        String athlete = athleteWithTokens(Duration.ofHours(1));

        Path own = tokens.tokenFile(athlete);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own)))
                .isEqualTo("rw-------");
        assertThat(gateway.displayName(athlete)).isEqualTo("mini-athlete");
        LocalDate night = garmin.data().hrvNights(today.minusDays(10), today).get(0);
        assertThat(gateway.hrv(athlete, night)).get().extracting(h -> h.date()).isEqualTo(night);
    }

    @Test
    @Order(2)
    void aTokenCloseToExpiryIsRefreshedBeforeTheCall() throws Exception {
        String athlete = athleteWithTokens(Duration.ofMinutes(5));
        int refreshes = garmin.requestCount(MiniGarmin.TOKEN_PATH);

        gateway.restingHr(athlete, today.minusDays(3), today);

        assertThat(garmin.requestCount(MiniGarmin.TOKEN_PATH)).isEqualTo(refreshes + 1);
        assertThat(tokens.expiresAt(athlete))
                .get()
                .matches(e -> e.isAfter(java.time.Instant.now().plusSeconds(1800)));
        String stored = Files.readString(tokens.tokenFile(athlete));
        SECRETS.add(new ObjectMapper().readTree(stored).path("di_token").asText());
        SECRETS.add(new ObjectMapper().readTree(stored).path("di_refresh_token").asText());
    }

    @Test
    @Order(3)
    void a401IsAnsweredByOneRefreshAndARetry() throws Exception {
        String athlete = athleteWithTokens(Duration.ofHours(1));
        gateway.displayName(athlete);
        garmin.auth().expireAccessTokens();
        int refreshes = garmin.requestCount(MiniGarmin.TOKEN_PATH);
        int hrvCalls = garmin.requestCount("/hrv-service/");

        gateway.hrv(athlete, today.minusDays(1));

        assertThat(garmin.requestCount(MiniGarmin.TOKEN_PATH)).isEqualTo(refreshes + 1);
        assertThat(garmin.requestCount("/hrv-service/")).isEqualTo(hrvCalls + 2);
        SECRETS.add(
                new ObjectMapper()
                        .readTree(tokens.tokenFile(athlete).toFile())
                        .path("di_token")
                        .asText());
    }

    @Test
    @Order(4)
    void aRefusedRefreshRaisesHumanNeededOnceAndStopsCalling() throws Exception {
        String athlete = athleteWithTokens(Duration.ofMinutes(1));
        garmin.faults().refreshFails(true);
        int refreshes = garmin.requestCount(MiniGarmin.TOKEN_PATH);

        assertThatThrownBy(() -> gateway.hrv(athlete, today))
                .isInstanceOf(GarminAuthException.class);
        assertThatThrownBy(() -> gateway.hrv(athlete, today))
                .isInstanceOf(GarminAuthException.class)
                .hasMessageContaining("needs a human");

        assertThat(garmin.requestCount(MiniGarmin.TOKEN_PATH)).isEqualTo(refreshes + 1);
        assertThat(tokens.humanNeeded(athlete)).isPresent();
        assertThat(registry.find("garmin_human_needed").tag("athlete", athlete).gauge().value())
                .isEqualTo(1.0);
        assertThat(alerts.seen).filteredOn(a -> a.athleteId().equals(athlete)).hasSize(1);
    }

    @Test
    @Order(5)
    void rateLimitsServerErrorsMalformedAndSlowAnswersAreRetried() throws Exception {
        String athlete = athleteWithTokens(Duration.ofHours(1));
        double limited = count("garmin_rate_limited_total");
        garmin.faults()
                .rateLimitEvery(3, 1)
                .serverErrorEvery(4)
                .malformedEvery(5)
                .slowEvery(7, 2500);

        List<GarminActivity> got = gateway.activities(athlete, today.minusDays(89), today);
        for (int i = 0; i < 6; i++) {
            gateway.hrv(athlete, today.minusDays(i));
        }

        assertThat(got)
                .extracting(GarminActivity::activityId)
                .containsExactlyElementsOf(garmin.data().activityIds(today.minusDays(89), today));
        assertThat(count("garmin_rate_limited_total")).isGreaterThan(limited);
    }

    @Test
    @Order(6)
    void overlappingPagesGiveEachActivityOnce() throws Exception {
        String athlete = athleteWithTokens(Duration.ofHours(1));
        garmin.faults().duplicatePages(true);

        List<GarminActivity> got = gateway.activities(athlete, today.minusDays(119), today);

        List<Long> expected = garmin.data().activityIds(today.minusDays(119), today);
        assertThat(expected.size()).isGreaterThan(60); // more than one page of 50
        assertThat(got).extracting(GarminActivity::activityId).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(7)
    void workoutsRoundTripThroughScheduleAndCalendar() throws Exception {
        String athlete = athleteWithTokens(Duration.ofHours(1));
        ObjectMapper json = new ObjectMapper();
        JsonNode workout =
                json.readTree(
                        "{\"workoutName\":\"tp easy 40\",\"sportType\":{\"sportTypeKey\":\"running\"},"
                                + "\"workoutSegments\":[]}");

        long id = gateway.createWorkout(athlete, workout).path("workoutId").asLong();
        assertThat(gateway.workout(athlete, id).path("workoutName").asText())
                .isEqualTo("tp easy 40");
        assertThat(gateway.workouts(athlete, 0, 100))
                .anyMatch(w -> w.path("workoutId").asLong() == id);
        LocalDate day = LocalDate.of(2027, 1, 12);
        long scheduleId =
                gateway.scheduleWorkout(athlete, id, day).path("workoutScheduleId").asLong();
        JsonNode january = gateway.calendarMonth(athlete, 2027, 0);
        assertThat(january.path("calendarItems").findValuesAsText("date")).contains("2027-01-12");
        gateway.unscheduleWorkout(athlete, scheduleId);
        assertThat(
                        gateway.calendarMonth(athlete, 2027, 0)
                                .path("calendarItems")
                                .findValuesAsText("date"))
                .doesNotContain("2027-01-12");
        gateway.deleteWorkout(athlete, id);
        assertThatThrownBy(() -> gateway.workout(athlete, id))
                .isInstanceOf(GarminRequestException.class)
                .hasMessageContaining("404");
    }

    @Test
    @Order(8)
    void signInWithPasswordAndMfaStoresTokens() throws Exception {
        String athlete = "gw-signin-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "pw-" + UUID.randomUUID();
        SECRETS.add(password);
        garmin.auth().account("runner@example.org", password, "424242");

        assertThat(signIn.signIn(athlete, "runner@example.org", password, null))
                .isEqualTo(GarminSignIn.Result.MFA_REQUIRED);
        assertThat(signIn.signIn(athlete, "runner@example.org", password, "424242"))
                .isEqualTo(GarminSignIn.Result.SIGNED_IN);
        assertThatThrownBy(
                        () ->
                                signIn.signIn(
                                        athlete,
                                        "runner@example.org",
                                        "wrong-" + password,
                                        "424242"))
                .isInstanceOf(GarminAuthException.class)
                .hasMessageNotContaining(password);

        assertThat(gateway.displayName(athlete)).isEqualTo("mini-athlete");
        JsonNode stored = new ObjectMapper().readTree(tokens.tokenFile(athlete).toFile());
        SECRETS.add(stored.path("di_token").asText());
        SECRETS.add(stored.path("di_refresh_token").asText());
    }

    @Test
    @Order(9)
    void anActivityFitIsDownloadedAndUnzippedAndReadinessRead() throws Exception {
        String athlete = athleteWithTokens(Duration.ofHours(1));
        byte[] fit = {14, 32, 1, 2, 3, 4, 5, 6, 7, 8, '.', 'F', 'I', 'T'};
        garmin.fitBytes(() -> fit);
        long id = garmin.data().activityIds(today.minusDays(30), today).get(0);

        assertThat(gateway.activityFit(athlete, id)).isEqualTo(fit);
        assertThat(gateway.trainingReadiness(athlete, today).get(0).path("score").asInt())
                .isBetween(1, 100);
        assertThatThrownBy(() -> gateway.activityFit(athlete, 42L))
                .isInstanceOf(GarminRequestException.class)
                .hasMessageContaining("404");
    }

    @Test
    @Order(99)
    void noSecretAppearsInTheLog() throws Exception {
        Path log = Path.of("target", "garmin-connect-test.log");
        assertThat(log).exists();
        String content = Files.readString(log);
        assertThat(content).contains("Garmin token refreshed"); // the log did capture this class
        assertThat(SECRETS).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(content).as("log must not contain a secret").doesNotContain(secret);
        }
    }

    private double count(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
