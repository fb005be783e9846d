package io.trainingpipeline.analytics.flag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The section-5 thresholds under their seed names (training-science section 5); values come from
 * {@code config/default.yaml} and may be overridden per what-if request.
 *
 * @param rampPercentageMax ramp_too_fast: weekly load &gt; (1 + this) × mean of previous 3 weeks
 * @param rampCtlPointsMax ramp_too_fast: ramp &gt; this many CTL points per week
 * @param ctlAtlRatioMax acute_chronic_high: EWMA ACWR &gt; this
 * @param tsbMinFraction form_too_low: TSB &lt; this × CTL
 * @param hrvSuppressedZscore hrv_suppressed: 7-day z &lt; this
 * @param hrvDropZscore hrv_drop: single-night z &lt; this
 * @param sleepMinHours sleep_short: last night &lt; this many hours
 */
public record Thresholds(
        double rampPercentageMax,
        double rampCtlPointsMax,
        double ctlAtlRatioMax,
        double tsbMinFraction,
        double hrvSuppressedZscore,
        double hrvDropZscore,
        double sleepMinHours) {

    /** The seed names, as accepted in a what-if request's {@code thresholds} object. */
    public static final Set<String> NAMES =
            Set.of(
                    "ramp_percentage_max",
                    "ramp_ctl_points_max",
                    "ctl_atl_ratio_max",
                    "tsb_min_fraction",
                    "hrv_suppressed_zscore",
                    "hrv_drop_zscore",
                    "sleep_min_hours");

    /** The values by seed name. */
    public Map<String, Double> byName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ramp_percentage_max", rampPercentageMax);
        m.put("ramp_ctl_points_max", rampCtlPointsMax);
        m.put("ctl_atl_ratio_max", ctlAtlRatioMax);
        m.put("tsb_min_fraction", tsbMinFraction);
        m.put("hrv_suppressed_zscore", hrvSuppressedZscore);
        m.put("hrv_drop_zscore", hrvDropZscore);
        m.put("sleep_min_hours", sleepMinHours);
        return m;
    }

    /** These thresholds with some replaced by name ({@link #NAMES}); unknown names are an error. */
    public Thresholds with(Map<String, Double> overrides) {
        Map<String, Double> m = byName();
        overrides.forEach(
                (k, v) -> {
                    if (!NAMES.contains(k)) {
                        throw new IllegalArgumentException("unknown threshold '" + k + "'");
                    }
                    m.put(k, v);
                });
        return new Thresholds(
                m.get("ramp_percentage_max"),
                m.get("ramp_ctl_points_max"),
                m.get("ctl_atl_ratio_max"),
                m.get("tsb_min_fraction"),
                m.get("hrv_suppressed_zscore"),
                m.get("hrv_drop_zscore"),
                m.get("sleep_min_hours"));
    }

    /** The defaults of {@code config/default.yaml} (tests). */
    public static Thresholds defaults() {
        return new Thresholds(0.10, 8, 1.3, -0.30, -0.5, -1.0, 6);
    }
}
