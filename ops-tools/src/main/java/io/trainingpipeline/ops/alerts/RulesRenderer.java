package io.trainingpipeline.ops.alerts;

import java.util.List;

/**
 * Writes alert rules as YAML text: a plain Prometheus rules file and a Prometheus Operator {@code
 * PrometheusRule}. Text is built by hand so the committed files are stable, diffable and equal byte
 * for byte to what the generator writes.
 */
public final class RulesRenderer {
    static final String HEADER =
            "# GENERATED from config/default.yaml (section alerts:) by ops-tools. Do not edit by"
                    + " hand:\n"
                    + "#   ./mvnw -q -pl ops-tools compile exec:java\n"
                    + "# Runbook: docs/runbook.md (one section per alert).\n";

    private RulesRenderer() {}

    /** A rules file for Prometheus' {@code rule_files} (and {@code promtool}). */
    public static String prometheus(List<AlertRule> rules, String runbook) {
        return HEADER + "groups:\n" + groups(rules, runbook, "");
    }

    /** The same groups as a {@code monitoring.coreos.com/v1} PrometheusRule. */
    public static String prometheusRule(List<AlertRule> rules, String runbook) {
        return HEADER
                + "apiVersion: monitoring.coreos.com/v1\n"
                + "kind: PrometheusRule\n"
                + "metadata:\n"
                + "  name: training-pipeline-alerts\n"
                + "  labels:\n"
                + "    app.kubernetes.io/part-of: training-pipeline\n"
                + "    app.kubernetes.io/component: monitoring\n"
                + "spec:\n"
                + "  groups:\n"
                + groups(rules, runbook, "  ");
    }

    private static String groups(List<AlertRule> rules, String runbook, String in) {
        StringBuilder out = new StringBuilder();
        out.append(in).append("  - name: ").append(AlertRules.GROUP).append('\n');
        out.append(in).append("    rules:\n");
        for (AlertRule rule : rules) {
            String r = in + "      ";
            out.append(r).append("- alert: ").append(rule.name()).append('\n');
            out.append(r).append("  expr: ").append(quote(rule.expr())).append('\n');
            if (!rule.forDuration().matches("0[smhdw]")) {
                out.append(r).append("  for: ").append(rule.forDuration()).append('\n');
            }
            out.append(r).append("  labels:\n");
            out.append(r).append("    severity: ").append(rule.severity()).append('\n');
            out.append(r).append("    team: athlete-ops\n");
            out.append(r).append("  annotations:\n");
            out.append(r).append("    summary: ").append(quote(rule.summary())).append('\n');
            out.append(r)
                    .append("    runbook_url: ")
                    .append(quote(runbook + "#" + rule.runbookAnchor()))
                    .append('\n');
        }
        return out.toString();
    }

    /** YAML single-quoted scalar: only the quote itself needs escaping. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
