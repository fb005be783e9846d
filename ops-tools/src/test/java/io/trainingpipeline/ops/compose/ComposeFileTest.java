package io.trainingpipeline.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.ops.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml: the services, their ports, and that each gets the config it needs. */
class ComposeFileTest {
    static final Map<String, Integer> PORTS =
            Map.of(
                    "ingest-service", 8081,
                    "analytics-service", 8082,
                    "llm-service", 8083,
                    "planner-service", 8084);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    private final Path repo = RepoRoot.get();
    private final Map<String, Object> compose;
    private final Map<String, Map<String, Object>> services;

    @SuppressWarnings("unchecked")
    ComposeFileTest() throws IOException {
        compose = new Yaml().load(Files.readString(repo.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsKafkaTheServicesAndTheMonitoringStack() {
        assertThat(services)
                .containsKeys(
                        "kafka",
                        "ingest-service",
                        "analytics-service",
                        "llm-service",
                        "planner-service",
                        "prometheus",
                        "alertmanager",
                        "loki",
                        "alloy",
                        "grafana");
        Map<String, Object> kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(String.valueOf(env("kafka").get("KAFKA_LOG_RETENTION_MS"))).isEqualTo("-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesAreBuiltFromTheirDockerfilesOnTheirPorts() throws IOException {
        for (Map.Entry<String, Integer> entry : PORTS.entrySet()) {
            String service = entry.getKey();
            Map<String, Object> def = services.get(service);
            Map<String, Object> build = (Map<String, Object>) def.get("build");
            assertThat(build).containsEntry("context", ".");
            Path dockerfile = repo.resolve((String) build.get("dockerfile"));
            assertThat(dockerfile)
                    .isEqualTo(repo.resolve(service + "/src/main/docker/Dockerfile.jvm"))
                    .exists();
            assertThat(Files.readString(dockerfile)).contains("EXPOSE " + entry.getValue());
            assertThat((List<String>) def.get("ports"))
                    .containsExactly(entry.getValue() + ":" + entry.getValue());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceGetsBrokerConfigDirAndItsRequiredSettings() throws IOException {
        Set<String> dotenv = dotEnvExampleKeys();
        for (String service : PORTS.keySet()) {
            Map<String, Object> env = env(service);
            assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(env).containsKey("PIPELINE_ENV");
            List<String> volumes = (List<String>) services.get(service).get("volumes");
            assertThat(volumes).contains("./config:" + env.get("PIPELINE_CONFIG_DIR") + ":ro");
            // Every ${VAR} the service's own properties need without a default is provided.
            Path props = repo.resolve(service + "/src/main/resources/application.properties");
            for (String needed : requiredPlaceholders(Files.readString(props))) {
                assertThat(env.containsKey(needed) || dotenv.contains(needed))
                        .as(service + " needs " + needed + " (application.properties)")
                        .isTrue();
            }
        }
        assertThat(env("analytics-service").get("DATA_PATH").toString())
                .startsWith("/data/analytics/");
        assertThat(env("llm-service")).containsKey("LLM_API_KEY");
        // Peers are reached by their compose service names, not the 127.0.0.1 defaults.
        assertThat(env("llm-service"))
                .containsEntry("LLM_ANALYTICS_URL", "http://analytics-service:8082")
                .containsEntry("LLM_PLANNER_URL", "http://planner-service:8084");
        assertThat(env("planner-service"))
                .containsEntry("PLANNER_ANALYTICS_URL", "http://analytics-service:8082");
        // Nothing writes into the (read-only) image: every state directory is on a volume.
        assertThat(env("ingest-service").get("INGEST_DATA_DIR").toString())
                .startsWith("/data/state");
        assertThat(env("planner-service").get("PLANNER_DATA_DIR").toString())
                .startsWith("/data/state");
        assertThat(env("planner-service").get("PLANNER_PLANS_DIR").toString())
                .startsWith("/data/state");
        for (String service : List.of("ingest-service", "planner-service")) {
            assertThat(env(service).get("GARMIN_TOKEN_FILE").toString()).startsWith("/data/state/");
            assertThat((List<String>) services.get(service).get("volumes"))
                    .contains("pipeline-state:/data/state");
        }
        assertThat(env("planner-service")).containsKey("SLACK_WEBHOOK_URL");
    }

    @Test
    void everyVariableTheComposeFileReadsIsDocumentedInEnvExample() throws IOException {
        String text = Files.readString(repo.resolve("docker-compose.yml"));
        Set<String> used = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(dotEnvExampleKeys()).containsAll(used);
        // No secret values in the file itself.
        assertThat(text).doesNotContainPattern("hooks\\.slack\\.com|sk-[A-Za-z0-9]{10,}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mountedConfigFilesExistAndPrometheusScrapesEveryService() throws IOException {
        for (Map<String, Object> def : services.values()) {
            for (Object volume : (List<Object>) def.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./compose/") || source.startsWith("./k8s/")) {
                    assertThat(repo.resolve(source)).as(source).exists();
                }
            }
        }
        String prometheus = Files.readString(repo.resolve("compose/prometheus/prometheus.yml"));
        for (Map.Entry<String, Integer> entry : PORTS.entrySet()) {
            assertThat(prometheus).contains("'" + entry.getKey() + ":" + entry.getValue() + "'");
        }
        assertThat(prometheus).contains("/etc/prometheus/rules/");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> env(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    private Set<String> dotEnvExampleKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(repo.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return keys;
    }

    /** {@code ${NAME}} placeholders without a default value. */
    static Set<String> requiredPlaceholders(String properties) {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(properties);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
