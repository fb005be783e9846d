package io.trainingpipeline.ops.alerts;

/**
 * One Prometheus alerting rule.
 *
 * @param name alert name, e.g. {@code PipelineFlowFailing}
 * @param expr PromQL expression; every series it returns is one firing alert
 * @param forDuration how long {@code expr} must hold before firing ({@code 0m} = at once)
 * @param severity {@code page} (needs a person today) or {@code ticket}
 * @param summary one line for Slack, may use {@code {{ $labels.x }}}
 * @param runbookAnchor section anchor in docs/runbook.md, e.g. {@code pipelineflowfailing}
 */
public record AlertRule(
        String name,
        String expr,
        String forDuration,
        String severity,
        String summary,
        String runbookAnchor) {}
