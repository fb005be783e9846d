package io.trainingpipeline.ops.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Generates the alert rule files from {@code config/default.yaml}:
 *
 * <pre>./mvnw -q -pl ops-tools compile exec:java</pre>
 *
 * <p>Writes {@link #PROMETHEUS_RULE} (Kubernetes, Prometheus Operator) and {@link #RULES_FILE}
 * (plain Prometheus, docker-compose and promtool). The only argument is the repository root
 * (default: the working directory).
 */
public final class AlertRulesGenerator {
    /** The PrometheusRule, relative to the repository root. */
    public static final String PROMETHEUS_RULE = "k8s/base/monitoring/alert-rules.yaml";

    /** The plain Prometheus rules file, relative to the repository root. */
    public static final String RULES_FILE = "k8s/base/monitoring/prometheus-rules.yml";

    /** The config file the rules come from, relative to the repository root. */
    public static final String CONFIG = "config/default.yaml";

    private AlertRulesGenerator() {}

    /** What the generator would write, by path relative to {@code repo}. */
    public static Map<String, String> render(Path repo) {
        AlertSettings settings = AlertSettings.read(repo.resolve(CONFIG));
        List<AlertRule> rules = AlertRules.build(settings);
        return Map.of(
                PROMETHEUS_RULE,
                RulesRenderer.prometheusRule(rules, settings.runbook()),
                RULES_FILE,
                RulesRenderer.prometheus(rules, settings.runbook()));
    }

    /** Writes the files under {@code args[0]} (or the working directory). */
    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        for (Map.Entry<String, String> file : render(repo).entrySet()) {
            Path target = repo.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            System.out.println("wrote " + target);
        }
    }
}
