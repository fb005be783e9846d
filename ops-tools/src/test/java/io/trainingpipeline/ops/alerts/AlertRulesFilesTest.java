package io.trainingpipeline.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainingpipeline.ops.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class AlertRulesFilesTest {
    private final Path repo = RepoRoot.get();

    @Test
    void committedRuleFilesEqualWhatConfigGenerates() throws IOException {
        Map<String, String> generated = AlertRulesGenerator.render(repo);
        if (Boolean.getBoolean("alerts.write")) {
            AlertRulesGenerator.main(new String[] {repo.toString()});
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(Files.readString(repo.resolve(file.getKey())))
                    .as(
                            file.getKey()
                                    + " differs from config/default.yaml; run ./mvnw -q -pl"
                                    + " ops-tools compile exec:java")
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void everyAlertOfTheSeedIsThereWithARunbookSection() throws IOException {
        List<AlertRule> rules =
                AlertRules.build(AlertSettings.read(repo.resolve("config/default.yaml")));
        assertThat(rules)
                .extracting(AlertRule::name)
                .containsExactly(
                        "PipelineFlowFailing",
                        "NoActivitiesIngested",
                        "HrvStale",
                        "GarminHumanNeeded",
                        "GarminBreakerOpen",
                        "ConsumerLagGrowing",
                        "AdaptationsMostlyForwarded");
        String runbook = Files.readString(repo.resolve("docs/runbook.md"));
        String readme = Files.readString(repo.resolve("README.md"));
        for (AlertRule rule : rules) {
            assertThat(runbook).contains("\n## " + rule.name() + "\n");
            assertThat(readme)
                    .as("README, Deployment, Alerts")
                    .contains("| `" + rule.name() + "` |");
            assertThat(rule.runbookAnchor()).isEqualTo(rule.name().toLowerCase());
        }
    }

    @Test
    void alertmanagerReadsTheSlackWebhookFromAFileNotFromGit() throws IOException {
        String config = Files.readString(repo.resolve("k8s/base/monitoring/alertmanager.yml"));
        assertThat(config)
                .contains("slack_api_url_file: /etc/alertmanager/secrets/alertmanager-slack/")
                .doesNotContain("hooks.slack.com")
                .doesNotContainPattern("(?m)^\\s*(slack_)?api_url:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothFilesParseAndCarryTheSameRules() {
        Map<String, String> generated = AlertRulesGenerator.render(repo);
        Map<String, Object> plain = new Yaml().load(generated.get(AlertRulesGenerator.RULES_FILE));
        Map<String, Object> crd =
                new Yaml().load(generated.get(AlertRulesGenerator.PROMETHEUS_RULE));
        assertThat(crd).containsEntry("kind", "PrometheusRule");
        assertThat(((Map<String, Object>) crd.get("spec")).get("groups"))
                .isEqualTo(plain.get("groups"));
    }

    @Test
    void thresholdsComeFromConfig(@TempDir Path dir) throws IOException {
        Path config = copyConfig(dir, "flow_failures: 2 ", "flow_failures: 3 ");
        String rules = AlertRulesGenerator.render(dir).get(AlertRulesGenerator.RULES_FILE);
        assertThat(rules).contains("offset 24h)) >= 3").doesNotContain("offset 24h)) >= 2");
        assertThat(config).exists();
    }

    @Test
    void badSettingNamesFileAndKey(@TempDir Path dir) throws IOException {
        Path config = copyConfig(dir, "breaker_open_for: 15m", "breaker_open_for: soon");
        assertThatThrownBy(() -> AlertRulesGenerator.render(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(config.toString())
                .hasMessageContaining("alerts.breaker_open_for")
                .hasMessageContaining("'soon'");
    }

    @Test
    void missingSettingNamesFileAndKey(@TempDir Path dir) throws IOException {
        copyConfig(dir, "  hrv_max_age_hours: 36", "");
        assertThatThrownBy(() -> AlertRulesGenerator.render(dir))
                .hasMessageContaining("alerts.hrv_max_age_hours is missing");
    }

    private Path copyConfig(Path dir, String from, String to) throws IOException {
        String text = Files.readString(repo.resolve("config/default.yaml"));
        assertThat(text).contains(from);
        Path config = dir.resolve("config/default.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, text.replace(from, to));
        return config;
    }
}
