package io.trainingpipeline.ingest.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GarminDbImportTest {
    final KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers());

    /** A small GarminDB folder built from our own DDL (GarminDB's column names and units). */
    static Path fixture(String measurementSystem, boolean sleepWithoutTotal) throws Exception {
        Path dir = Files.createTempDirectory("garmindb");
        exec(
                dir.resolve("garmin_activities.db"),
                "CREATE TABLE _attributes (name TEXT PRIMARY KEY, value TEXT)",
                "INSERT INTO _attributes VALUES ('db.version', '14'), ('measurement_system', '"
                        + measurementSystem
                        + "')",
                "CREATE TABLE activities (activity_id TEXT PRIMARY KEY, name TEXT, type TEXT, sport TEXT, sub_sport TEXT,"
                        + " start_time DATETIME, stop_time DATETIME, elapsed_time TIME, moving_time TIME, distance FLOAT,"
                        + " avg_hr INTEGER, max_hr INTEGER, training_load FLOAT, training_effect FLOAT,"
                        + " hrz_1_time TIME, hrz_2_time TIME, hrz_3_time TIME, hrz_4_time TIME, hrz_5_time TIME)",
                "INSERT INTO activities VALUES ('1001', 'Easy run', 'running', 'running', 'generic', '2026-10-01 07:00:00.000000',"
                        + " '2026-10-01 07:45:30.000000', '00:45:30.500000', '00:44:00.000000', 6.2, 142, 165, 88.5, 2.9,"
                        + " '00:05:00.000000', '00:25:00.000000', '00:10:00.000000', '00:05:00.000000', '00:00:30.500000')",
                "INSERT INTO activities VALUES ('1002', 'Ride', 'cycling', 'cycling', 'road', '2026-10-02 17:30:00.000000',"
                        + " NULL, '01:30:00.000000', NULL, 30.0, 130, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO activities VALUES ('1003', 'Broken', 'running', 'running', NULL, '2026-10-03 07:00:00',"
                        + " NULL, 'about an hour', NULL, 10.0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        exec(
                dir.resolve("garmin.db"),
                "CREATE TABLE _attributes (name TEXT PRIMARY KEY, value TEXT)",
                "INSERT INTO _attributes VALUES ('db.version', '13'), ('measurement_system', '"
                        + measurementSystem
                        + "')",
                "CREATE TABLE hrv (day DATE PRIMARY KEY, weekly_avg INTEGER, last_night_avg INTEGER,"
                        + " last_night_5min_high INTEGER, baseline_low INTEGER, baseline_upper INTEGER, status TEXT)",
                "INSERT INTO hrv VALUES ('2026-10-01', 58, 61, 80, 50, 66, 'BALANCED'), ('2026-10-02', 58, 49, 70, 50, 66, 'UNBALANCED')",
                sleepWithoutTotal
                        ? "CREATE TABLE sleep (day DATE PRIMARY KEY, start DATETIME, \"end\" DATETIME)"
                        : "CREATE TABLE sleep (day DATE PRIMARY KEY, start DATETIME, \"end\" DATETIME, total_sleep TIME,"
                                + " deep_sleep TIME, light_sleep TIME, rem_sleep TIME, awake TIME, score INTEGER)",
                sleepWithoutTotal
                        ? "INSERT INTO sleep VALUES ('2026-10-01', NULL, NULL)"
                        : "INSERT INTO sleep VALUES ('2026-10-01', '2026-09-30 23:00:00.000000', '2026-10-01 06:40:00.000000',"
                                + " '07:10:00.000000', '01:20:00.000000', '04:10:00.000000', '01:40:00.000000', '00:30:00.000000', 81)",
                "CREATE TABLE resting_hr (day DATE PRIMARY KEY, resting_heart_rate FLOAT)",
                "INSERT INTO resting_hr VALUES ('2026-10-01', 48.0), ('2026-10-02', 51.0)");
        return dir;
    }

    private static void exec(Path db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void importsNormalisedActivitiesAndWellnessAndReportsTheBadRow() throws Exception {
        String athlete = "gdb-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = fixture("statute", false);
        byte[] before = Files.readAllBytes(dir.resolve("garmin_activities.db"));

        given().post("/athletes/" + athlete + "/garmindb/import?path=" + dir)
                .then()
                .statusCode(200)
                .body("activities", org.hamcrest.Matchers.equalTo(2))
                .body("hrvNights", org.hamcrest.Matchers.equalTo(2))
                .body("sleepNights", org.hamcrest.Matchers.equalTo(1))
                .body("restingHrDays", org.hamcrest.Matchers.equalTo(2))
                .body("versions.'garmin_activities.db'", org.hamcrest.Matchers.equalTo("14"))
                .body("errors", org.hamcrest.Matchers.hasSize(1))
                .body(
                        "errors[0]",
                        org.hamcrest.Matchers.containsString("table activities row 1003"))
                .body("errors[0]", org.hamcrest.Matchers.containsString("about an hour"));

        assertThat(Files.readAllBytes(dir.resolve("garmin_activities.db"))).isEqualTo(before);
        List<EventEnvelope<EventPayload>> acts = read(Topics.INGEST_ACTIVITY, athlete, 2);
        ActivityRecorded run =
                acts.stream()
                        .map(e -> (ActivityRecorded) e.payload())
                        .filter(a -> a.activityKey().equals("1001"))
                        .findFirst()
                        .orElseThrow();
        assertThat(acts).allMatch(e -> e.source().equals(EventSources.GARMINDB));
        assertThat(run.sport()).isEqualTo("running");
        assertThat(run.durationSeconds()).isCloseTo(2730.5, within(1e-6));
        assertThat(run.distanceMeters()).isCloseTo(6.2 * 1609.344, within(1e-6));
        assertThat(run.hrZoneSeconds()).containsExactly(300.0, 1500.0, 600.0, 300.0, 30.5);
        List<EventEnvelope<EventPayload>> wellness = read(Topics.INGEST_WELLNESS, athlete, 5);
        assertThat(wellness)
                .filteredOn(e -> e.payload() instanceof HrvMeasured)
                .extracting(e -> ((HrvMeasured) e.payload()).lastNightAvg())
                .containsExactlyInAnyOrder(61.0, 49.0);
        assertThat(wellness)
                .filteredOn(e -> e.payload() instanceof SleepMeasured)
                .extracting(e -> ((SleepMeasured) e.payload()).sleepSeconds())
                .containsExactly(7 * 3600.0 + 600);
    }

    @Test
    void kilometresAndAMissingColumnAreHandledTableByTable() throws Exception {
        String athlete = "gdb-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = fixture("metric", true);

        given().post("/athletes/" + athlete + "/garmindb/import?path=" + dir)
                .then()
                .statusCode(200)
                .body("activities", org.hamcrest.Matchers.equalTo(2))
                .body("sleepNights", org.hamcrest.Matchers.equalTo(0))
                .body("hrvNights", org.hamcrest.Matchers.equalTo(2))
                .body(
                        "errors",
                        org.hamcrest.Matchers.hasItem(
                                org.hamcrest.Matchers.containsString(
                                        "garmin.db: table sleep lacks columns [total_sleep]")));

        assertThat(read(Topics.INGEST_ACTIVITY, athlete, 2))
                .extracting(e -> ((ActivityRecorded) e.payload()).distanceMeters())
                .contains(6200.0, 30000.0);
    }

    @Test
    void aFolderWithoutGarminDbFilesSaysWhatIsMissing() throws Exception {
        Path empty = Files.createTempDirectory("nogdb");
        given().post("/athletes/gdb-none/garmindb/import?path=" + empty)
                .then()
                .statusCode(200)
                .body("activities", org.hamcrest.Matchers.equalTo(0))
                .body(
                        "errors",
                        org.hamcrest.Matchers.hasItem(
                                org.hamcrest.Matchers.endsWith("garmin.db: missing")));
    }

    private List<EventEnvelope<EventPayload>> read(String topic, String athlete, int n) {
        return kafka
                .readUntil(
                        topic,
                        l -> l.stream().filter(e -> e.athleteId().equals(athlete)).count() >= n,
                        Duration.ofSeconds(60))
                .stream()
                .filter(e -> e.athleteId().equals(athlete))
                .toList();
    }
}
