package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import io.trainingpipeline.testkit.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton through real processes: a real FIT file uploaded to the packaged
 * ingest-service travels through the broker into the packaged analytics-service's DuckDB file, and
 * uploading it twice still leaves one row.
 */
class WalkingSkeletonTest {
    private static final Path REPO =
            Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaBroker broker;
    private static ServiceProcess ingest;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startPipeline() {
        broker = KafkaBroker.start(3);
        broker.createTopics(Topics.all(), 3);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        ingest = ServiceProcess.start(REPO, "ingest-service", env, Duration.ofSeconds(60));
        Path db = REPO.resolve("e2e-tests/target/skeleton/analytics.duckdb");
        db.toFile().delete();
        analytics =
                ServiceProcess.start(
                        REPO,
                        "analytics-service",
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                                "DATA_PATH", db.toString()),
                        Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopPipeline() {
        for (AutoCloseable c : new AutoCloseable[] {ingest, analytics, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the JVM is ending
            }
        }
    }

    @Test
    void aFitFileUploadedTwiceArrivesInDuckDbOnce() throws Exception {
        byte[] fit = FitFixtures.bytes(FitFixtures.file("2013-02-06-12-11-14.fit"));

        JsonNode first = post(ingest.baseUrl() + "/athletes/skeleton/fit?name=run.fit", fit);
        JsonNode second = post(ingest.baseUrl() + "/athletes/skeleton/fit?name=run.fit", fit);
        String eventId = first.get(0).get("eventId").asText();
        assertThat(second.get(0).get("eventId").asText()).isEqualTo(eventId);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () ->
                                get(analytics.baseUrl() + "/athletes/skeleton/activities").size()
                                        == 1);
        // a third, different file proves the consumer moved past the duplicate
        byte[] other = FitFixtures.bytes(FitFixtures.file("garmin-fenix-5-run.fit"));
        post(ingest.baseUrl() + "/athletes/skeleton/fit?name=other.fit", other);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () ->
                                get(analytics.baseUrl() + "/athletes/skeleton/activities").size()
                                        == 2);
        JsonNode rows = get(analytics.baseUrl() + "/athletes/skeleton/activities");
        assertThat(rows.findValuesAsText("eventId")).containsOnlyOnce(eventId);
    }

    @Test
    void everyServiceExposesHealthAndPrometheusMetrics() throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        try (ServiceProcess llm =
                        ServiceProcess.start(REPO, "llm-service", env, Duration.ofSeconds(60));
                ServiceProcess planner =
                        ServiceProcess.start(
                                REPO, "planner-service", env, Duration.ofSeconds(60))) {
            for (ServiceProcess service : new ServiceProcess[] {ingest, analytics, llm, planner}) {
                assertHealthAndMetrics(service);
            }
        }
    }

    private static void assertHealthAndMetrics(ServiceProcess service) throws Exception {
        {
            service.awaitHttp("/q/health/ready", 200, Duration.ofSeconds(60));
            HttpResponse<String> metrics =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("# TYPE").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aServiceWithoutItsBrokerStartsAndReportsItNotReady() {
        Path db = REPO.resolve("e2e-tests/target/no-broker/analytics.duckdb");
        try (ServiceProcess lonely =
                ServiceProcess.start(
                        REPO,
                        "analytics-service",
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "127.0.0.1:" + ServiceProcess.freePort(),
                                "DATA_PATH",
                                db.toString()),
                        Duration.ofSeconds(60))) {
            assertThat(lonely.status("/athletes/nobody/activities")).isEqualTo(200);
            lonely.awaitHttp("/q/health/ready", 503, Duration.ofSeconds(60));
            assertThat(lonely.status("/q/health/live")).isEqualTo(200);
        }
    }

    private static JsonNode post(String url, byte[] body) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
