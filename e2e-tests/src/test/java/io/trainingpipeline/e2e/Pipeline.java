package io.trainingpipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminAuth;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaProcess;
import io.trainingpipeline.testkit.openai.FakeOpenAi;
import io.trainingpipeline.testkit.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole pipeline for end-to-end tests: a Kafka broker process (restartable), Mini-Garmin and
 * optionally the fake OpenAI server in this JVM, and the four packaged services as processes, each
 * with its own data under {@code e2e-tests/target/e2e/<name>}. Athlete {@code demo} is the one
 * configured in config/default.yaml (goals: config/athlete.example.yaml).
 */
final class Pipeline implements AutoCloseable {
    static final Path REPO =
            Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    static final String ATHLETE = "demo";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final KafkaProcess kafka;
    final MiniGarmin garmin;
    final FakeOpenAi openAi;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final List<String> secrets = new ArrayList<>();

    /** Processes replaced by a restart: their logs still count for the secret checks. */
    private final List<ServiceProcess> retired = new ArrayList<>();

    private Pipeline(Path dir, KafkaProcess kafka, MiniGarmin garmin, FakeOpenAi openAi) {
        this.dir = dir;
        this.kafka = kafka;
        this.garmin = garmin;
        this.openAi = openAi;
    }

    /**
     * Starts everything. {@code days} of Mini-Garmin history end today; with {@code withLlm} the
     * llm-service talks to a fake OpenAI server instead of using the rule-based coach.
     */
    static Pipeline start(String name, int days, boolean withLlm, Map<String, String> extraEnv) {
        Path dir = REPO.resolve("e2e-tests/target/e2e/" + name);
        deleteRecursively(dir);
        KafkaProcess kafka = KafkaProcess.start(dir.resolve("kafka"));
        MiniGarmin garmin = MiniGarmin.start(42, LocalDate.now(ZONE), days, ZONE);
        FakeOpenAi openAi = withLlm ? FakeOpenAi.start(FakeOpenAi.API_KEY) : null;
        Pipeline p = new Pipeline(dir, kafka, garmin, openAi);
        p.env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        p.env.put("GARMIN_API_BASE_URL", garmin.baseUrl());
        p.env.put("GARMIN_AUTH_BASE_URL", garmin.baseUrl());
        p.env.put("GARMIN_SSO_BASE_URL", garmin.baseUrl());
        p.env.put("GARMIN_TOKEN_FILE", dir.resolve("garmin/{athlete}/tokens.json").toString());
        p.env.put("DATA_PATH", dir.resolve("analytics/analytics.duckdb").toString());
        p.env.put("INGEST_DATA_DIR", dir.toString());
        p.env.put("LLM_DATA_PATH", dir.resolve("llm/answered.duckdb").toString());
        p.env.put("PLANNER_DATA_DIR", dir.resolve("planner").toString());
        p.env.put("PLANNER_PLANS_DIR", dir.resolve("plans").toString());
        if (openAi != null) {
            p.env.put("LLM_BASE_URL", openAi.baseUrl());
            p.env.put("LLM_API_KEY", FakeOpenAi.API_KEY);
            p.secrets.add(FakeOpenAi.API_KEY);
            p.env.put("LLM_TIMEOUT", "3s");
        }
        p.env.putAll(extraEnv);
        try {
            // peers first: a service learns the URLs of those already started (ports are free
            // ones), and llm-service reads plans from the planner
            for (String module :
                    List.of(
                            "ingest-service",
                            "analytics-service",
                            "planner-service",
                            "llm-service")) {
                p.startService(module);
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /**
     * Starts (or restarts) one service with this pipeline's environment. A restart keeps the port,
     * so the peers' URLs stay valid, and keeps the replaced process's log for the secret checks.
     */
    void startService(String module) {
        ServiceProcess old = services.get(module);
        ServiceProcess process =
                old == null
                        ? ServiceProcess.start(
                                REPO, module, peersFor(module), Duration.ofSeconds(90))
                        : ServiceProcess.start(
                                REPO, module, peersFor(module), Duration.ofSeconds(90), old.port());
        if (old != null) {
            retired.add(old);
        }
        services.put(module, process);
    }

    /** The environment of a module, including the URLs of the peers already started. */
    private Map<String, String> peersFor(String module) {
        Map<String, String> e = new HashMap<>(env);
        ServiceProcess analytics = services.get("analytics-service");
        ServiceProcess planner = services.get("planner-service");
        ServiceProcess ingest = services.get("ingest-service");
        if (analytics != null) {
            e.put("LLM_ANALYTICS_URL", analytics.baseUrl());
            e.put("PLANNER_ANALYTICS_URL", analytics.baseUrl());
            e.put("DASHBOARD_ANALYTICS_URL", analytics.baseUrl());
        }
        if (ingest != null) {
            e.put("DASHBOARD_INGEST_URL", ingest.baseUrl());
        }
        if (planner != null) {
            e.put("LLM_PLANNER_URL", planner.baseUrl());
        }
        return e;
    }

    ServiceProcess service(String module) {
        return services.get(module);
    }

    /** Imports Mini-Garmin's tokens into ingest, as a user imports python-garminconnect's file. */
    void importTokens() throws Exception {
        MiniGarminAuth.Tokens tokens = garmin.auth().issue();
        secrets.add(tokens.accessToken());
        secrets.add(tokens.refreshToken());
        send(
                "ingest-service",
                "POST",
                "/athletes/" + ATHLETE + "/garmin/tokens",
                tokens.toPythonJson(),
                "application/json");
    }

    /** Every secret this pipeline handed out (tokens, API key): none may reach a log. */
    List<String> secrets() {
        return List.copyOf(secrets);
    }

    /** Runs a backfill of the whole emulated history and waits until it is DONE. */
    JsonNode backfill(LocalDate from, LocalDate to, Duration timeout) throws Exception {
        send(
                "ingest-service",
                "POST",
                "/athletes/" + ATHLETE + "/backfill?from=" + from + "&to=" + to,
                "",
                "application/json");
        JsonNode[] status = new JsonNode[1];
        org.awaitility.Awaitility.await("backfill done")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            status[0] = get("ingest-service", "/athletes/" + ATHLETE + "/backfill");
                            String state = status[0].path("status").asText();
                            return state.equals("DONE") || state.equals("FAILED");
                        });
        return status[0];
    }

    /** GET a JSON document from a service; fails on a non-2xx answer. */
    JsonNode get(String module, String path) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(service(module).baseUrl() + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(
                    module + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** POST/PUT to a service; returns the answer's JSON (or null when empty). */
    JsonNode send(String module, String method, String path, String body, String type)
            throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(service(module).baseUrl() + path))
                                .timeout(Duration.ofSeconds(120))
                                .header("Content-Type", type)
                                .header("Accept", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(
                    module + " " + method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? null : JSON.readTree(r.body());
    }

    /** POST without a body; a non-2xx answer is returned, not thrown. */
    HttpResponse<String> post(String module, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service(module).baseUrl() + path))
                        .timeout(Duration.ofSeconds(120))
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Events of a topic from the beginning, read until {@code quiet} passes without news. */
    List<io.trainingpipeline.schemas.EventEnvelope<io.trainingpipeline.schemas.EventPayload>>
            events(String topic) {
        return new KafkaProbe(kafka.bootstrapServers()).readAll(topic, Duration.ofSeconds(2));
    }

    /** Everything every service printed, for secret checks. */
    String allLogs() {
        StringBuilder out = new StringBuilder();
        List<ServiceProcess> all = new ArrayList<>(retired);
        all.addAll(services.values());
        for (ServiceProcess s : all) {
            try {
                out.append(Files.readString(s.log()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** Topics whose events the pipeline produces, in flow order. */
    static List<String> topics() {
        return Topics.all();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(services.values());
        all.add(garmin);
        if (openAi != null) {
            all.add(openAi);
        }
        all.add(kafka);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
