package io.trainingpipeline.ops.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code alerts:} section of {@code config/default.yaml}: the thresholds the alert rules are
 * generated from. Every problem names the file and the key.
 *
 * @param flowFailures failures of one flow within {@code flowFailuresWindow} that raise an alert
 * @param flowFailuresWindow Prometheus duration, e.g. {@code 24h}
 * @param noActivitiesWindow no activity ingested for this long raises an alert
 * @param hrvMaxAgeHours newest HRV night older than this many hours raises an alert
 * @param humanNeededFor how long {@code garmin_human_needed} must be 1 before alerting
 * @param breakerOpenFor how long the Garmin breaker must be open before alerting
 * @param consumerLagGrowingFor how long consumer lag must keep rising before alerting
 * @param consumerLagMetric the lag gauge (per topic) to watch
 * @param adaptationsWindow window holding the last weekly adaptations (4 weeks = 28d)
 * @param forwardedUntouchedFraction alert when more than this fraction was FORWARDED_UNTOUCHED
 * @param runbook base of every {@code runbook_url} annotation
 */
public record AlertSettings(
        int flowFailures,
        String flowFailuresWindow,
        String noActivitiesWindow,
        int hrvMaxAgeHours,
        String humanNeededFor,
        String breakerOpenFor,
        String consumerLagGrowingFor,
        String consumerLagMetric,
        String adaptationsWindow,
        double forwardedUntouchedFraction,
        String runbook) {

    private static final Pattern DURATION = Pattern.compile("\\d+[smhdw]");
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** Reads and validates the {@code alerts:} section of {@code file}. */
    public static AlertSettings read(Path file) {
        Object root;
        try {
            root = new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("alerts") instanceof Map<?, ?> section)) {
            throw new IllegalArgumentException(file + ": section 'alerts' is missing");
        }
        Reader r = new Reader(file, section);
        AlertSettings settings =
                new AlertSettings(
                        r.integer("flow_failures", 1, 1000),
                        r.duration("flow_failures_window"),
                        r.duration("no_activities_window"),
                        r.integer("hrv_max_age_hours", 1, 24 * 30),
                        r.duration("human_needed_for"),
                        r.duration("breaker_open_for"),
                        r.duration("consumer_lag_growing_for"),
                        r.metric("consumer_lag_metric"),
                        r.duration("adaptations_window"),
                        r.fraction("forwarded_untouched_fraction"),
                        r.text("runbook"));
        if (!r.problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid alert settings: " + String.join("; ", r.problems));
        }
        return settings;
    }

    /** Collects every problem instead of stopping at the first. */
    private static final class Reader {
        private final Path file;
        private final Map<?, ?> section;
        private final List<String> problems = new ArrayList<>();

        Reader(Path file, Map<?, ?> section) {
            this.file = file;
            this.section = section;
        }

        private String raw(String key) {
            Object value = section.get(key);
            if (value == null) {
                problems.add(file + ": alerts." + key + " is missing");
                return null;
            }
            return String.valueOf(value).trim();
        }

        String text(String key) {
            String value = raw(key);
            return value == null ? "" : value;
        }

        String duration(String key) {
            String value = raw(key);
            if (value != null && !DURATION.matcher(value).matches()) {
                problems.add(
                        file
                                + ": alerts."
                                + key
                                + " must be a duration like 30m or 24h, got '"
                                + value
                                + "'");
            }
            return value == null ? "0s" : value;
        }

        String metric(String key) {
            String value = raw(key);
            if (value != null && !METRIC.matcher(value).matches()) {
                problems.add(file + ": alerts." + key + " is not a metric name: '" + value + "'");
            }
            return value == null ? "up" : value;
        }

        int integer(String key, int low, int high) {
            String value = raw(key);
            if (value == null) {
                return low;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= low && parsed <= high) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(
                    file
                            + ": alerts."
                            + key
                            + " must be an integer in ["
                            + low
                            + ", "
                            + high
                            + "], got '"
                            + value
                            + "'");
            return low;
        }

        double fraction(String key) {
            String value = raw(key);
            if (value == null) {
                return 0.5;
            }
            try {
                double parsed = Double.parseDouble(value);
                if (parsed > 0 && parsed < 1) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(
                    file + ": alerts." + key + " must be a number in (0, 1), got '" + value + "'");
            return 0.5;
        }
    }
}
