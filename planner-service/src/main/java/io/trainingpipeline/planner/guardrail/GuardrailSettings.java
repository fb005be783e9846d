package io.trainingpipeline.planner.guardrail;

/**
 * Limits of the section-6 rules and the projected-load gate; all from configuration.
 *
 * @param volumeChangeMax rule 1: {@code llm_volume_change_max}, relative change vs the original
 * @param lastWeekRiseMax rule 1: rise over last week's actual volume (0.10)
 * @param easyShareMin rule 4: share of running time below the first threshold (0.80)
 * @param longRunShareMax rule 4: long run share of weekly running time (0.30)
 * @param deloadMinCut rule 5: a deload week stays at least this much below its reference (0.30)
 * @param taperMinCut rule 6: a taper week stays at least this much below its reference (0.40)
 * @param loadPerHourEasy load (HRSS) of one hour easy, for load volume and the gate
 * @param loadPerHourModerate load of one hour moderate
 * @param loadPerHourHard load of one hour hard
 * @param ctlDays CTL time constant, days (section 3)
 * @param atlDays ATL time constant, days
 * @param rampCtlPointsMax gate: {@code ramp_ctl_points_max}
 * @param tsbMinFraction gate: {@code tsb_min_fraction}
 */
public record GuardrailSettings(
        double volumeChangeMax,
        double lastWeekRiseMax,
        double easyShareMin,
        double longRunShareMax,
        double deloadMinCut,
        double taperMinCut,
        double loadPerHourEasy,
        double loadPerHourModerate,
        double loadPerHourHard,
        double ctlDays,
        double atlDays,
        double rampCtlPointsMax,
        double tsbMinFraction) {

    /** The documented defaults (config/default.yaml and section 6). */
    public static GuardrailSettings defaults() {
        return new GuardrailSettings(
                0.20, 0.10, 0.80, 0.30, 0.30, 0.40, 55, 75, 95, 42, 7, 8, -0.30);
    }
}
