package io.trainingpipeline.analytics.load;

/**
 * The heart-rate profile used for the load of an activity (training-science section 2).
 *
 * @param female true chooses the female Banister constants
 * @param hrMax maximum heart rate (bpm)
 * @param hrRest resting heart rate (bpm)
 * @param lthr lactate-threshold heart rate (bpm): one hour at LTHR scores HRSS 100
 * @param estimated true when at least one value was estimated rather than configured
 */
public record HrProfile(
        boolean female, double hrMax, double hrRest, double lthr, boolean estimated) {
    public HrProfile {
        if (!(hrMax > hrRest)) {
            throw new IllegalArgumentException(
                    "hr_max (" + hrMax + ") must be above hr_rest (" + hrRest + ")");
        }
    }

    /**
     * Heart-rate reserve fraction {@code (HR − HRrest) / (HRmax − HRrest)} clamped to [0, 1]
     * (section 2).
     */
    public double reserveFraction(double hr) {
        double hrr = (hr - hrRest) / (hrMax - hrRest);
        return Math.max(0.0, Math.min(1.0, hrr));
    }
}
