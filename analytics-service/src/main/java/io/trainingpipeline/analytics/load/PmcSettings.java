package io.trainingpipeline.analytics.load;

/**
 * Constants of the performance management chart and ACWR (training-science section 3), all from
 * configuration.
 *
 * @param ctlTauDays CTL time constant τ (42)
 * @param atlTauDays ATL time constant τ (7)
 * @param simpleK true uses {@code k = 1/τ} (some tools do), false {@code k = 1 − e^(−1/τ)}
 * @param acwrAcuteDays N of the acute EWMA, λ = 2/(N+1) (7)
 * @param acwrChronicDays N of the chronic EWMA (28)
 * @param warmUpDays days from the first day of data marked warming_up (42 = 6 weeks)
 * @param rampDays ramp = CTL(d) − CTL(d − this) (7)
 */
public record PmcSettings(
        double ctlTauDays,
        double atlTauDays,
        boolean simpleK,
        int acwrAcuteDays,
        int acwrChronicDays,
        int warmUpDays,
        int rampDays) {

    /** The section-3 defaults. */
    public static PmcSettings defaults() {
        return new PmcSettings(42, 7, false, 7, 28, 42, 7);
    }

    /** Smoothing factor k for time constant τ (section 3). */
    public double k(double tau) {
        return simpleK ? 1.0 / tau : 1.0 - Math.exp(-1.0 / tau);
    }

    /** EWMA-ACWR λ = 2/(N+1) (section 3, Williams 2017). */
    public static double lambda(int n) {
        return 2.0 / (n + 1);
    }
}
