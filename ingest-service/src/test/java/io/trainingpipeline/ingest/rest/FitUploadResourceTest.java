package io.trainingpipeline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FitUploadResourceTest {

    @Test
    void anUploadedRunIsPublishedKeyedByAthleteWithAStableEventId() {
        byte[] fit = FitFixtures.bytes(FitFixtures.file("2013-02-06-12-11-14.fit"));

        String eventId =
                given().contentType("application/octet-stream")
                        .body(fit)
                        .post("/athletes/upload-a1/fit?name=morning.fit")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(1))
                        .body("[0].sport", equalTo("running"))
                        .body("[0].athleteId", equalTo("upload-a1"))
                        .extract()
                        .path("[0].eventId");
        String again =
                given().contentType("application/octet-stream")
                        .body(fit)
                        .post("/athletes/upload-a1/fit?name=morning.fit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("[0].eventId");

        assertThat(again).isEqualTo(eventId);
        List<EventEnvelope<EventPayload>> seen =
                new KafkaProbe(KafkaTestResource.bootstrapServers())
                        .readUntil(
                                Topics.INGEST_ACTIVITY,
                                l ->
                                        l.stream().filter(e -> e.eventId().equals(eventId)).count()
                                                >= 2,
                                Duration.ofSeconds(30));
        assertThat(seen)
                .filteredOn(e -> e.eventId().equals(eventId))
                .hasSize(2)
                .allMatch(e -> e.athleteId().equals("upload-a1"));
    }

    @Test
    void aCorruptFileGets422NamingTheFile() {
        byte[] bad =
                FitFixtures.bytes(FitFixtures.dir().resolve("invalid/activity-unexpected-eof.fit"));

        given().contentType("application/octet-stream")
                .body(bad)
                .post("/athletes/upload-a2/fit?name=broken.fit")
                .then()
                .statusCode(422)
                .body("file", equalTo("broken.fit"))
                .body("error", containsString("broken.fit"));
    }

    @Test
    void aMonitoringFileIsSkippedWithAReason() {
        byte[] monitoring = FitFixtures.bytes(FitFixtures.file("MonitoringFile.fit"));

        given().contentType("application/octet-stream")
                .body(monitoring)
                .post("/athletes/upload-a3/fit?name=monitor.fit")
                .then()
                .statusCode(200)
                .header("X-Skip-Reason", containsString("not an activity"))
                .body("$", hasSize(0));
    }
}
