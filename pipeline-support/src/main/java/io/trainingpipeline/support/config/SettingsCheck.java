package io.trainingpipeline.support.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks the values a config file sets for the known keys, so a bad value fails start-up with the
 * file, the key and the reason rather than a conversion error deep in a service.
 */
final class SettingsCheck {
    private record Rule(String key, String expectation, Predicate<String> valid) {}

    private static final Predicate<String> BOOLEAN = v -> v.equals("true") || v.equals("false");
    private static final Predicate<String> CRON =
            v -> v.trim().split("\\s+").length == 5 || v.trim().split("\\s+").length == 6;

    private static final List<Rule> RULES =
            List.of(
                    new Rule("overrides_allowed", "true or false", BOOLEAN),
                    new Rule("ramp_percentage_max", "a number in (0, 1]", range(0, 1, false)),
                    new Rule("ctl_atl_ratio_max", "a number in (1, 3]", range(1, 3, false)),
                    new Rule("hrv_drop_zscore", "a number in [-5, 0)", range(-5, 0, true)),
                    new Rule("hrv_suppressed_zscore", "a number in [-5, 0)", range(-5, 0, true)),
                    new Rule("sleep_min_hours", "a number in (0, 14]", range(0, 14, false)),
                    new Rule("llm_volume_change_max", "a number in (0, 1]", range(0, 1, false)),
                    new Rule("ramp_ctl_points_max", "a number in (0, 50]", range(0, 50, false)),
                    new Rule("tsb_min_fraction", "a number in [-2, 0)", range(-2, 0, true)),
                    new Rule("retry.max_attempts", "an integer in [1, 20]", intRange(1, 20)),
                    new Rule("retry.base", "a number in (0, 60]", range(0, 60, false)),
                    new Rule("retry.jitter", "true or false", BOOLEAN),
                    new Rule("sync_daily_cron", "a 5-field cron expression", CRON),
                    new Rule("sync_catchup_cron", "a 5-field cron expression", CRON),
                    new Rule("adapt_weekly_cron", "a 5-field cron expression", CRON));

    private SettingsCheck() {}

    /** Problems in {@code values} read from {@code file}; empty when all known keys are valid. */
    static List<String> problems(Path file, Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : RULES) {
            String value = values.get(rule.key());
            if (value != null && !rule.valid().test(value.trim())) {
                problems.add(
                        file
                                + ": key '"
                                + rule.key()
                                + "' must be "
                                + rule.expectation()
                                + ", got '"
                                + value
                                + "'");
            }
        }
        return problems;
    }

    /** Keys that {@code default.yaml} must define. */
    static List<String> requiredKeys() {
        return RULES.stream().map(Rule::key).toList();
    }

    private static Predicate<String> range(double low, double high, boolean lowInclusiveHighOpen) {
        return v -> {
            try {
                double d = Double.parseDouble(v);
                return lowInclusiveHighOpen ? d >= low && d < high : d > low && d <= high;
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }

    private static Predicate<String> intRange(int low, int high) {
        return v -> {
            try {
                int i = Integer.parseInt(v);
                return i >= low && i <= high;
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }
}
