package io.trainingpipeline.ingest.garmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.ingest.jobs.SyncJobs;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminAuth.Tokens;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GarminSyncTest {
    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    /**
     * Every fault mode of Mini-Garmin, two per run so the suite stays short (each 90-day backfill
     * costs ~250 calls): 429 with Retry-After, slow answers past the 1 s timeout, 5xx, truncated
     * JSON, expired access tokens (401, refresh, retry) and overlapping activity pages.
     */
    static final Map<String, Consumer<MiniGarmin>> FAULTS =
            Map.of(
                    "none", g -> {},
                    "rate_limit+slow", g -> g.faults().rateLimitEvery(40, 1).slowEvery(45, 1500),
                    "server_error+malformed", g -> g.faults().serverErrorEvery(7).malformedEvery(9),
                    "expired_token+duplicate_pages",
                            g -> g.faults().expireTokenEvery(25).duplicatePages(true));

    @Inject SyncJobs jobs;
    @Inject Scheduler scheduler;

    final MiniGarmin garmin = MiniGarminTestResource.instance();
    final LocalDate today = LocalDate.now(MiniGarminTestResource.ZONE);
    final KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers());

    @AfterEach
    void clearFaults() {
        garmin.faults().clear();
    }

    static String athleteWithTokens(MiniGarmin garmin, String prefix, Duration ttl) {
        String athlete = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Tokens t = garmin.auth().issue(ttl);
        SECRETS.add(t.accessToken());
        SECRETS.add(t.refreshToken());
        given().contentType("application/json")
                .body(t.toPythonJson())
                .post("/athletes/" + athlete + "/garmin/tokens")
                .then()
                .statusCode(204);
        return athlete;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "none",
                "rate_limit+slow",
                "server_error+malformed",
                "expired_token+duplicate_pages"
            })
    @Order(1)
    void aNinetyDayBackfillPublishesEveryActivityAndNightExactlyOnce(String fault) {
        String athlete =
                athleteWithTokens(
                        garmin,
                        "bf-" + fault.replace('_', '-').replace('+', '-'),
                        Duration.ofHours(1));
        LocalDate from = today.minusDays(89);
        FAULTS.get(fault).accept(garmin);

        given().post("/athletes/" + athlete + "/backfill?from=" + from + "&to=" + today)
                .then()
                .statusCode(202);
        awaitBackfill(athlete, "DONE");
        garmin.faults().clear();

        assertExactlyOnce(athlete, from, today);
    }

    @Test
    @Order(2)
    void aBackfillInterruptedMidwayResumesWhereItStopped() {
        String athlete = athleteWithTokens(garmin, "resume", Duration.ofHours(1));
        LocalDate from = today.minusDays(34);
        garmin.faults().slowEvery(1, 40);

        given().post("/athletes/" + athlete + "/backfill?from=" + from + "&to=" + today)
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> status(athlete).get("doneThrough") != null);
        given().delete("/athletes/" + athlete + "/backfill").then().statusCode(202);
        Map<String, Object> stopped = awaitBackfill(athlete, "INTERRUPTED");
        assertThat(LocalDate.parse((String) stopped.get("doneThrough"))).isBefore(today);
        garmin.faults().clear();

        given().post("/athletes/" + athlete + "/backfill?from=" + from + "&to=" + today)
                .then()
                .statusCode(202);
        awaitBackfill(athlete, "DONE");

        assertExactlyOnce(athlete, from, today);
        assertThat(log())
                .contains(
                        "backfill athlete " + athlete + " " + from + ".." + today + " resumes at");
        assertThat(log()).containsPattern("backfill athlete " + athlete + ": \\d+% \\(through");
    }

    @Test
    @Order(3)
    void aCatchUpAfterTheDailySyncCostsAtMostSixCallsForOneNewActivity() {
        String athlete = athleteWithTokens(garmin, "catchup", Duration.ofHours(1));
        given().post("/athletes/" + athlete + "/sync/daily").then().statusCode(200);
        long added =
                garmin.data()
                        .addActivity(
                                LocalDateTime.now(MiniGarminTestResource.ZONE).withNano(0),
                                "running",
                                1800,
                                new Random(3));
        int before = garmin.requestCount("/");

        given().post("/athletes/" + athlete + "/sync/catchup")
                .then()
                .statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true));

        int calls = garmin.requestCount("/") - before;
        assertThat(calls).isLessThanOrEqualTo(6);
        String id =
                EventIds.of(
                        EventType.ACTIVITY_RECORDED, EventSources.GARMIN_CONNECT, athlete, added);
        assertThat(
                        kafka.readUntil(
                                Topics.INGEST_ACTIVITY,
                                l -> l.stream().anyMatch(e -> e.eventId().equals(id)),
                                Duration.ofSeconds(60)))
                .anyMatch(e -> e.eventId().equals(id));
    }

    @Test
    @Order(4)
    void aRefusedRefreshFailsTheSyncWithAHumanNeededAlertAndNoRetryLoop() {
        String athlete = athleteWithTokens(garmin, "human", Duration.ofMinutes(2));
        garmin.faults().refreshFails(true);
        int refreshes = garmin.requestCount(MiniGarmin.TOKEN_PATH);

        given().post("/athletes/" + athlete + "/sync/daily").then().statusCode(503);
        given().post("/athletes/" + athlete + "/sync/catchup").then().statusCode(503);

        assertThat(garmin.requestCount(MiniGarmin.TOKEN_PATH)).isEqualTo(refreshes + 1);
        given().get("/athletes/" + athlete + "/garmin")
                .then()
                .body("humanNeeded", org.hamcrest.Matchers.containsString("refresh refused"));
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("garmin_human_needed{athlete=\"" + athlete + "\"} 1.0");
        assertThat(metrics).containsPattern("flow_failure_total\\{flow=\"sync_daily\"[^}]*} [1-9]");
        assertThat(log()).contains("GARMIN_HUMAN_NEEDED athlete=" + athlete);
    }

    @Test
    @Order(5)
    void importedTokensAreWritten0600AndSignInWorksThroughRest() throws Exception {
        String athlete = athleteWithTokens(garmin, "perm", Duration.ofHours(1));
        Path file = Path.of("target/test-data/garmin/" + athlete + "/tokens.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        String password = "pw-" + UUID.randomUUID();
        SECRETS.add(password);
        garmin.auth().account("runner@example.org", password, null);
        given().contentType("application/json")
                .body(Map.of("email", "runner@example.org", "password", password))
                .post("/athletes/signin-" + athlete + "/garmin/signin")
                .then()
                .statusCode(200)
                .body("result", org.hamcrest.Matchers.equalTo("SIGNED_IN"));
        given().contentType("application/json")
                .body(Map.of("email", "runner@example.org", "password", "x" + password))
                .post("/athletes/signin2-" + athlete + "/garmin/signin")
                .then()
                .statusCode(401);
        String stored =
                Files.readString(
                        Path.of("target/test-data/garmin/signin-" + athlete + "/tokens.json"));
        SECRETS.add(stored.replaceAll(".*\"di_token\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    @Order(6)
    void configuredAthletesGetBothCronsInTheirTimeZone() {
        assertThat(jobs.scheduled()).contains("sync_daily:sched-a1", "sync_catchup:sched-a1");
        assertThat(scheduler.getScheduledJob("sync_daily:sched-a1")).isNotNull();
        assertThat(log())
                .contains(
                        "scheduled sync_daily:sched-a1 with cron '0 1 * * *' in America/New_York");
    }

    @Test
    @Order(99)
    void noTokenOrPasswordAppearsInTheCapturedLog() {
        String content = log();
        assertThat(content).contains("Garmin tokens stored for athlete");
        assertThat(SECRETS).hasSizeGreaterThan(10);
        for (String secret : SECRETS) {
            assertThat(content).as("a secret leaked into the log").doesNotContain(secret);
        }
    }

    private void assertExactlyOnce(String athlete, LocalDate from, LocalDate to) {
        Set<String> activities =
                garmin.data().activityIds(from, to).stream()
                        .map(
                                id ->
                                        EventIds.of(
                                                EventType.ACTIVITY_RECORDED,
                                                EventSources.GARMIN_CONNECT,
                                                athlete,
                                                id))
                        .collect(Collectors.toSet());
        Set<String> wellness = new HashSet<>();
        garmin.data()
                .hrvNights(from, to)
                .forEach(
                        d ->
                                wellness.add(
                                        EventIds.of(
                                                EventType.HRV_MEASURED,
                                                EventSources.GARMIN_CONNECT,
                                                athlete,
                                                d)));
        garmin.data()
                .sleepNights(from, to)
                .forEach(
                        d ->
                                wellness.add(
                                        EventIds.of(
                                                EventType.SLEEP_MEASURED,
                                                EventSources.GARMIN_CONNECT,
                                                athlete,
                                                d)));
        garmin.data()
                .restingHrDays(from, to)
                .forEach(
                        d ->
                                wellness.add(
                                        EventIds.of(
                                                EventType.RESTING_HR_MEASURED,
                                                EventSources.GARMIN_CONNECT,
                                                athlete,
                                                d)));
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        assertThat(activities).hasSizeGreaterThan((int) (days * 0.4)); // ~5 sessions a week
        assertThat(wellness).hasSizeGreaterThan((int) (days * 2.5)); // HRV + sleep + resting HR

        assertTopic(Topics.INGEST_ACTIVITY, athlete, activities);
        assertTopic(Topics.INGEST_WELLNESS, athlete, wellness);
    }

    private void assertTopic(String topic, String athlete, Set<String> expected) {
        List<EventEnvelope<EventPayload>> seen =
                kafka.readUntil(
                        topic,
                        l ->
                                l.stream().filter(e -> e.athleteId().equals(athlete)).count()
                                        >= expected.size(),
                        Duration.ofSeconds(60));
        List<String> ids =
                seen.stream()
                        .filter(e -> e.athleteId().equals(athlete))
                        .map(EventEnvelope::eventId)
                        .toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(expected);
    }

    private Map<String, Object> awaitBackfill(String athlete, String wanted) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Object s = status(athlete).get("status");
                            assertThat(s).as("backfill of " + athlete).isNotEqualTo("FAILED");
                            return wanted.equals(s);
                        });
        return status(athlete);
    }

    private static Map<String, Object> status(String athlete) {
        return given().get("/athletes/" + athlete + "/backfill")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    static String log() {
        try {
            return Files.readString(Path.of("target/ingest-test.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
