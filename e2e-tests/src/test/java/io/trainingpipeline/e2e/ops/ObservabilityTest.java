package io.trainingpipeline.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminAuth.Tokens;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import io.trainingpipeline.testkit.process.ServiceProcess;
import io.trainingpipeline.testkit.slack.SlackReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Observability end to end through the packaged services: a Garmin sync (Mini-Garmin) flows through
 * the real broker into analytics; then every seed metric is on {@code /q/metrics} with a sensible
 * value, {@code hrv_last_timestamp} is the newest night ingested, and no service log of the whole
 * run holds a token, password, API key or webhook URL (JSON logs, as in containers).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityTest {
    private static final Path REPO =
            Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ATHLETE = "demo"; // config/default.yaml: Europe/Berlin
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String API_KEY = "sk-e2eObservabilityKey0123456789";
    private static final String PASSWORD = "e2e-Garmin-Pa55word";

    private static final List<String> SECRETS = new ArrayList<>();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static KafkaBroker broker;
    private static MiniGarmin garmin;
    private static SlackReceiver slack;
    private static ServiceProcess ingest;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startPipeline() throws IOException {
        broker = KafkaBroker.start(3);
        broker.createTopics(Topics.all(), 3);
        garmin = MiniGarmin.start(7, LocalDate.now(ZONE), 30, ZONE);
        slack = SlackReceiver.start();
        Path work = REPO.resolve("e2e-tests/target/observability");
        deleteTree(work);
        Files.createDirectories(work);

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        common.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        common.put("SLACK_WEBHOOK_URL", slack.webhookUrl());
        common.put("LLM_API_KEY", API_KEY);
        common.put("LLM_BASE_URL", "http://127.0.0.1:" + ServiceProcess.freePort() + "/v1");
        common.put("GARMIN_API_BASE_URL", garmin.baseUrl());
        common.put("GARMIN_AUTH_BASE_URL", garmin.baseUrl());
        common.put("GARMIN_SSO_BASE_URL", garmin.baseUrl());
        common.put("GARMIN_TOKEN_FILE", work.resolve("garmin/{athlete}/tokens.json").toString());
        common.put("RETRY_BASE", "0.05");

        Map<String, String> ingestEnv = new HashMap<>(common);
        ingestEnv.put("INGEST_DATA_DIR", work.resolve("ingest").toString());
        ingestEnv.put("INGEST_FIT_FOLDER_SCAN", "off");
        ingestEnv.put("INGEST_SYNC_ENABLED", "false");
        ingest = start("ingest-service", ingestEnv);

        Map<String, String> analyticsEnv = new HashMap<>(common);
        analyticsEnv.put("DATA_PATH", work.resolve("analytics.duckdb").toString());
        analytics = start("analytics-service", analyticsEnv);

        // llm with an API key and an unreachable model: its provider errors must not leak the key.
        Map<String, String> llmEnv = new HashMap<>(common);
        llmEnv.put("LLM_DATA_PATH", work.resolve("llm/answered.duckdb").toString());
        llmEnv.put("LLM_ANALYTICS_URL", analytics.baseUrl());
        start("llm-service", llmEnv);
    }

    private static ServiceProcess start(String module, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(REPO, module, env, Duration.ofSeconds(90));
        SERVICES.add(service);
        return service;
    }

    @AfterAll
    static void stopPipeline() {
        for (AutoCloseable c : List.of(SERVICES.toArray(new AutoCloseable[0]))) {
            closeQuietly(c);
        }
        for (AutoCloseable c : new AutoCloseable[] {slack, garmin, broker}) {
            closeQuietly(c);
        }
    }

    @Test
    @Order(1)
    void afterASyncEverySeedMetricHasASensibleValue() throws Exception {
        Tokens tokens = garmin.auth().issue(Duration.ofHours(1));
        SECRETS.add(tokens.accessToken());
        SECRETS.add(tokens.refreshToken());
        assertThat(
                        post(
                                ingest.baseUrl() + "/athletes/" + ATHLETE + "/garmin/tokens",
                                "application/json",
                                tokens.toPythonJson()))
                .isEqualTo(204);
        // A sign-in attempt with a password that must never be logged (Mini-Garmin refuses it).
        post(
                ingest.baseUrl() + "/athletes/" + ATHLETE + "/garmin/signin",
                "application/json",
                "{\"email\":\"athlete@example.org\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(
                        post(
                                ingest.baseUrl() + "/athletes/" + ATHLETE + "/sync/catchup",
                                "application/json",
                                ""))
                .isEqualTo(200);

        PrometheusText ingested = scrape(ingest);
        assertThat(ingested.sum("flow_success_total", "flow", "sync_catchup")).hasValue(1.0);
        assertThat(ingested.sum("flow_failure_total", "flow", "sync_catchup").orElse(0)).isZero();
        assertThat(
                        ingested.sum("flow_last_success_timestamp", "flow", "sync_catchup")
                                .orElseThrow())
                .isCloseTo(
                        System.currentTimeMillis() / 1000.0,
                        org.assertj.core.data.Offset.offset(600.0));
        assertThat(ingested.sum("activities_ingested_total", "athlete", ATHLETE).orElseThrow())
                .isPositive();
        assertThat(ingested.sum("garmin_calls_total").orElseThrow()).isPositive();
        assertThat(ingested.find("garmin_calls_total"))
                .allSatisfy(s -> assertThat(s.labels()).containsKeys("endpoint", "status"));
        assertThat(ingested.sum("garmin_breaker_open").orElseThrow()).isZero();
        assertThat(ingested.sum("garmin_human_needed", "athlete", ATHLETE).orElse(0)).isZero();
        assertThat(ingested.sum("garmin_token_expiry_timestamp").orElseThrow())
                .isGreaterThan(System.currentTimeMillis() / 1000.0);

        // The newest HRV night Mini-Garmin holds is what both services report.
        LocalDate newest =
                garmin
                        .data()
                        .hrvNights(LocalDate.now(ZONE).minusDays(60), LocalDate.now(ZONE))
                        .stream()
                        .max(LocalDate::compareTo)
                        .orElseThrow();
        long nightStart = newest.atStartOfDay(ZONE).toEpochSecond();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () ->
                                assertThat(
                                                scrape(analytics)
                                                        .sum(
                                                                "hrv_last_timestamp",
                                                                "athlete",
                                                                ATHLETE))
                                        .hasValue((double) nightStart));
        double ingestHrv =
                scrape(ingest).sum("hrv_last_timestamp", "athlete", ATHLETE).orElseThrow();
        assertThat(LocalDate.ofInstant(java.time.Instant.ofEpochSecond((long) ingestHrv), ZONE))
                .isBetween(newest, newest.plusDays(1));

        PrometheusText stored = scrape(analytics);
        assertThat(stored.sum("db_lock_seconds_count").orElseThrow()).isPositive();
        // Micrometer binds per-partition Kafka metrics on its next refresh (up to a minute).
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(
                        () -> {
                            PrometheusText now = scrape(analytics);
                            assertThat(
                                            now.find(
                                                    "kafka_consumer_fetch_manager_records_lag",
                                                    "topic",
                                                    Topics.INGEST_WELLNESS))
                                    .as(
                                            "the lag metric ConsumerLagGrowing watches; kafka"
                                                    + " metrics: "
                                                    + now.names("kafka_"))
                                    .isNotEmpty();
                        });
    }

    @Test
    @Order(2)
    void noLogLineOfTheRunHoldsASecret() throws IOException {
        assertThat(SECRETS).isNotEmpty();
        List<String> forbidden = new ArrayList<>(SECRETS);
        forbidden.add(API_KEY);
        forbidden.add(PASSWORD);
        forbidden.add(SlackReceiver.PATH);
        forbidden.add("testWebhookSecret123");
        for (ServiceProcess service : SERVICES) {
            String log = Files.readString(service.log());
            assertThat(log).as(service.log() + " is JSON").contains("\"loggerName\"");
            for (String secret : forbidden) {
                assertThat(log)
                        .as(service.log() + " must not contain a secret")
                        .doesNotContain(secret);
            }
        }
    }

    private static PrometheusText scrape(ServiceProcess service) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static int post(String url, String type, String body) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // best effort: the JVM is ending
        }
    }
}
