package io.trainingpipeline.ingest.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.ingest.fit.FitActivityReader;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FitFolderImportTest {
    final KafkaProbe kafka = new KafkaProbe(KafkaTestResource.bootstrapServers());

    @Test
    void goodFilesArePublishedAndBadOnesMovedAsideWithTheirErrorWhileTheBatchCompletes()
            throws Exception {
        String athlete = "folder-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createTempDirectory("fitfolder");
        Files.copy(FitFixtures.file("2013-02-06-12-11-14.fit"), folder.resolve("a-run.fit"));
        Files.copy(FitFixtures.file("MonitoringFile.fit"), folder.resolve("b-monitor.fit"));
        List<Path> invalid = FitFixtures.invalid();
        for (Path bad : invalid) {
            Files.copy(bad, folder.resolve("c-" + bad.getFileName()));
        }
        Files.copy(FitFixtures.file("garmin-fenix-5-run.fit"), folder.resolve("z-run.fit"));

        given().post("/athletes/" + athlete + "/fit/folder?path=" + folder)
                .then()
                .statusCode(200)
                .body("imported", org.hamcrest.Matchers.contains("a-run.fit", "z-run.fit"))
                .body("skipped", org.hamcrest.Matchers.contains("b-monitor.fit"))
                .body("rejected", org.hamcrest.Matchers.hasSize(invalid.size()));

        for (Path bad : invalid) {
            String name = "c-" + bad.getFileName();
            assertThat(folder.resolve("rejected").resolve(name)).exists();
            assertThat(Files.readString(folder.resolve("rejected").resolve(name + ".error.txt")))
                    .startsWith(name + ": ");
            assertThat(folder.resolve(name)).doesNotExist();
        }
        assertThat(folder.resolve("imported").resolve("z-run.fit")).exists();
        assertThat(read(athlete, 2)).hasSize(2);
        assertThat(given().get("/q/metrics").asString())
                .contains(
                        "fit_files_rejected_total{athlete=\""
                                + athlete
                                + "\"} "
                                + invalid.size()
                                + ".0");
    }

    @Test
    void hrZonesUseTheAthleteProfileMaxHeartRate() throws Exception {
        Path folder = Files.createTempDirectory("fithr");
        Path run = FitFixtures.file("2013-02-06-12-11-14.fit");
        Files.copy(run, folder.resolve("run.fit"));

        given().post("/athletes/fit-hr/fit/folder?path=" + folder).then().statusCode(200);

        ActivityRecorded got =
                (ActivityRecorded)
                        read("fit-hr", 1).stream()
                                .filter(
                                        e ->
                                                ((ActivityRecorded) e.payload())
                                                        .name()
                                                        .equals("run.fit"))
                                .findFirst()
                                .orElseThrow()
                                .payload();
        // athletes.fit-hr.hr_max=160 in the test configuration
        List<Double> expected =
                FitActivityReader.forAthlete(160, 190)
                        .read("run.fit", Files.readAllBytes(run))
                        .sessions()
                        .get(0)
                        .hrZoneSeconds();
        List<Double> withDefault =
                new FitActivityReader(190)
                        .read("run.fit", Files.readAllBytes(run))
                        .sessions()
                        .get(0)
                        .hrZoneSeconds();
        assertThat(got.hrZoneSeconds()).isEqualTo(expected).isNotEqualTo(withDefault);
    }

    private List<EventEnvelope<EventPayload>> read(String athlete, int n) {
        return kafka
                .readUntil(
                        Topics.INGEST_ACTIVITY,
                        l -> l.stream().filter(e -> e.athleteId().equals(athlete)).count() >= n,
                        Duration.ofSeconds(60))
                .stream()
                .filter(e -> e.athleteId().equals(athlete))
                .toList();
    }
}
