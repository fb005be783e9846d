package io.trainingpipeline.analytics.load;

/**
 * One day of the performance management chart (training-science section 3).
 *
 * @param load the day's load (section 1)
 * @param ctl fitness, EWMA with τ = CTL τ
 * @param atl fatigue, EWMA with τ = ATL τ
 * @param tsb form going into the day: CTL(d−1) − ATL(d−1)
 * @param ramp CTL(d) − CTL(d−7), points per week
 * @param acwrAcute acute EWMA of the ACWR, λ = 2/(7+1)
 * @param acwrChronic chronic EWMA of the ACWR, λ = 2/(28+1)
 * @param acwr acwrAcute / acwrChronic, or null when the chronic value is 0
 * @param warmingUp within the first weeks of data: no fitness or ramp flags
 */
public record PmcDay(
        double load,
        double ctl,
        double atl,
        double tsb,
        double ramp,
        double acwrAcute,
        double acwrChronic,
        Double acwr,
        boolean warmingUp) {}
