package io.trainingpipeline.planner.plan;

/**
 * Constants of plan generation; every value comes from configuration ({@code planner.plan.*}).
 *
 * @param deloadEvery every n-th week is a deload week (3 or 4; rule 5)
 * @param deloadCut volume cut of a deload week versus the last loading week (0.30-0.50)
 * @param taperCut volume cut of taper weeks versus the last loading week (0.40-0.60; rule 6)
 * @param weeklyGrowth growth of loading weeks (kept at or below ramp_percentage_max)
 * @param easyShareMin share of weekly running time below the first threshold (rule 4, 0.80)
 * @param longRunShareMax long run share of weekly running time (rule 4, 0.30)
 * @param minSessionMinutes shortest session planned
 * @param taperDays5k10k taper length for races up to 10 km, days (rule 6: 7-10)
 * @param taperDaysHalf taper length up to the half marathon, days (~14)
 * @param taperDaysMarathon taper length for the marathon and longer, days (14-21)
 * @param maxSessionsPerWeek most sessions in one week
 */
public record PlanSettings(
        int deloadEvery,
        double deloadCut,
        double taperCut,
        double weeklyGrowth,
        double easyShareMin,
        double longRunShareMax,
        int minSessionMinutes,
        int taperDays5k10k,
        int taperDaysHalf,
        int taperDaysMarathon,
        int maxSessionsPerWeek) {

    /** The documented defaults. */
    public static PlanSettings defaults() {
        return new PlanSettings(4, 0.35, 0.5, 0.08, 0.8, 0.3, 20, 7, 14, 21, 6);
    }

    /** Taper days for a race distance in metres. */
    public int taperDays(int raceMeters) {
        if (raceMeters <= 10_000) {
            return taperDays5k10k;
        }
        if (raceMeters <= 21_097) {
            return taperDaysHalf;
        }
        return taperDaysMarathon;
    }
}
