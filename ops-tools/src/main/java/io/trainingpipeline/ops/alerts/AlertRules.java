package io.trainingpipeline.ops.alerts;

import java.util.List;
import java.util.Locale;

/**
 * The pipeline's alerts, built from {@link AlertSettings}. Metric names are the contract listed in
 * the services' READMEs (Micrometer, {@code /q/metrics}). Aggregations keep only the labels a
 * person needs ({@code flow}, {@code athlete}, {@code topic}, {@code job}), so a scaled-out service
 * still raises one alert.
 */
public final class AlertRules {
    /** Prometheus rule group name, also the PrometheusRule's group. */
    public static final String GROUP = "training-pipeline";

    private AlertRules() {}

    /** All rules, in runbook order. */
    public static List<AlertRule> build(AlertSettings s) {
        String lag = "sum by (topic) (" + s.consumerLagMetric() + ")";
        String decisions = "plan_decisions_total";
        return List.of(
                new AlertRule(
                        "PipelineFlowFailing",
                        "sum by (flow) ("
                                + increase("flow_failure_total", s.flowFailuresWindow())
                                + ") >= "
                                + s.flowFailures(),
                        "0m",
                        "page",
                        "Flow {{ $labels.flow }} failed "
                                + s.flowFailures()
                                + " or more times in "
                                + s.flowFailuresWindow(),
                        anchor("PipelineFlowFailing")),
                new AlertRule(
                        "NoActivitiesIngested",
                        // The offset term keeps a freshly started counter from alerting
                        // before a whole window of history exists.
                        "sum by (athlete) (increase(activities_ingested_total["
                                + s.noActivitiesWindow()
                                + "])) < 1 and on (athlete) sum by (athlete)"
                                + " (activities_ingested_total offset "
                                + s.noActivitiesWindow()
                                + ") >= 0",
                        "0m",
                        "ticket",
                        "No activity ingested for athlete {{ $labels.athlete }} in "
                                + s.noActivitiesWindow(),
                        anchor("NoActivitiesIngested")),
                new AlertRule(
                        "HrvStale",
                        "time() - max by (athlete) (hrv_last_timestamp) > "
                                + (s.hrvMaxAgeHours() * 3600L),
                        "0m",
                        "ticket",
                        "Newest HRV night of athlete {{ $labels.athlete }} is older than "
                                + s.hrvMaxAgeHours()
                                + " h",
                        anchor("HrvStale")),
                new AlertRule(
                        "GarminHumanNeeded",
                        "max by (athlete) (garmin_human_needed) >= 1",
                        s.humanNeededFor(),
                        "page",
                        "Garmin sign-in needed for athlete {{ $labels.athlete }}",
                        anchor("GarminHumanNeeded")),
                new AlertRule(
                        "GarminBreakerOpen",
                        "max by (job) (garmin_breaker_open) >= 1",
                        s.breakerOpenFor(),
                        "page",
                        "Garmin circuit breaker of {{ $labels.job }} open for more than "
                                + s.breakerOpenFor(),
                        anchor("GarminBreakerOpen")),
                new AlertRule(
                        "ConsumerLagGrowing",
                        "(" + lag + " > 0) and (deriv(" + lag + "[5m:1m]) > 0)",
                        s.consumerLagGrowingFor(),
                        "ticket",
                        "Consumer lag on {{ $labels.topic }} has grown for "
                                + s.consumerLagGrowingFor(),
                        anchor("ConsumerLagGrowing")),
                new AlertRule(
                        "AdaptationsMostlyForwarded",
                        "sum by (athlete) ("
                                + increase(
                                        decisions + "{outcome=\"FORWARDED_UNTOUCHED\"}",
                                        s.adaptationsWindow())
                                + ") / sum by (athlete) ("
                                + increase(decisions, s.adaptationsWindow())
                                + ") > "
                                + s.forwardedUntouchedFraction(),
                        "0m",
                        "ticket",
                        "Athlete {{ $labels.athlete }}: more than "
                                + Math.round(s.forwardedUntouchedFraction() * 100)
                                + " % of the adaptations of the last "
                                + s.adaptationsWindow()
                                + " were forwarded untouched",
                        anchor("AdaptationsMostlyForwarded")));
    }

    /**
     * Increase of a counter within {@code window}, counting a series born inside the window (a
     * Micrometer counter created on its first increment, or a restarted pod) from zero: plain
     * {@code increase()} would miss that first increment, so "failed twice" would need three.
     */
    static String increase(String series, String window) {
        return "(increase("
                + series
                + "["
                + window
                + "]) and "
                + series
                + " offset "
                + window
                + ") or ("
                + series
                + " unless "
                + series
                + " offset "
                + window
                + ")";
    }

    private static String anchor(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
