package io.trainingpipeline.analytics.flag;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.analytics.hrv.HrvDay;
import io.trainingpipeline.analytics.load.PmcDay;
import io.trainingpipeline.analytics.sleep.SleepDay;
import io.trainingpipeline.analytics.sleep.SleepSettings;
import io.trainingpipeline.schemas.events.Flag;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every section-5 rule at, just below and just above its threshold. */
class FlagRulesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-06-30");
    private static final double EPS = 1e-6;
    private final Thresholds t = Thresholds.defaults();
    private final FlagRules rules =
            new FlagRules(t, FlagSettings.defaults(), SleepSettings.defaults());

    private static PmcDay pmc(double ctl, double tsb, double ramp, Double acwr, boolean warm) {
        return new PmcDay(0, ctl, 0, tsb, ramp, 0, 0, acwr, warm);
    }

    private static final HrvDay NO_HRV = new HrvDay(null, null, null, null, null, false, 0, 0);
    private static final SleepDay NO_SLEEP = new SleepDay(null, 0, 0, null);

    private List<String> names(DaySignals s) {
        return rules.evaluate(DAY, s).stream().map(Flag::name).toList();
    }

    private DaySignals quiet(PmcDay p) {
        return new DaySignals(p, 100, 100, NO_HRV, NO_SLEEP);
    }

    @Test
    void rampByWeeklyLoad() {
        double limit = (1 + t.rampPercentageMax()) * 100;
        assertThat(names(new DaySignals(pmc(50, 0, 0, 1.0, false), limit, 100, NO_HRV, NO_SLEEP)))
                .isEmpty();
        assertThat(
                        names(
                                new DaySignals(
                                        pmc(50, 0, 0, 1.0, false),
                                        limit - EPS,
                                        100,
                                        NO_HRV,
                                        NO_SLEEP)))
                .isEmpty();
        List<Flag> flags =
                rules.evaluate(
                        DAY,
                        new DaySignals(
                                pmc(50, 0, 0, 1.0, false), limit + EPS, 100, NO_HRV, NO_SLEEP));
        assertThat(flags).extracting(Flag::name).containsExactly("ramp_too_fast");
        assertThat(flags.get(0).threshold()).isEqualTo(t.rampPercentageMax());
        assertThat(flags.get(0).values()).containsKeys("weekLoad", "previousWeeksMean", "ramp");
        assertThat(flags.get(0).severity()).isEqualTo(Flag.Severity.LOW);
    }

    @Test
    void rampByCtlPoints() {
        double max = t.rampCtlPointsMax();
        assertThat(names(quiet(pmc(50, 0, max, 1.0, false)))).isEmpty();
        assertThat(names(quiet(pmc(50, 0, max - EPS, 1.0, false)))).isEmpty();
        List<Flag> flags = rules.evaluate(DAY, quiet(pmc(50, 0, max + EPS, 1.0, false)));
        assertThat(flags).extracting(Flag::name).containsExactly("ramp_too_fast");
        assertThat(flags.get(0).threshold()).isEqualTo(max);
        // 12 points against 8 is 50 % past the threshold
        assertThat(rules.evaluate(DAY, quiet(pmc(50, 0, 12, 1.0, false))).get(0).severity())
                .isEqualTo(Flag.Severity.HIGH);
    }

    @Test
    void acuteChronicHigh() {
        double max = t.ctlAtlRatioMax();
        assertThat(names(quiet(pmc(50, 0, 0, max, false)))).isEmpty();
        assertThat(names(quiet(pmc(50, 0, 0, max - EPS, false)))).isEmpty();
        List<Flag> flags = rules.evaluate(DAY, quiet(pmc(50, 0, 0, max + EPS, false)));
        assertThat(flags).extracting(Flag::name).containsExactly("acute_chronic_high");
        assertThat(flags.get(0).values()).containsEntry("acwr", max + EPS);
        assertThat(flags.get(0).threshold()).isEqualTo(max);
    }

    @Test
    void formTooLow() {
        double limit = t.tsbMinFraction() * 100;
        assertThat(names(quiet(pmc(100, limit, 0, 1.0, false)))).isEmpty();
        assertThat(names(quiet(pmc(100, limit + EPS, 0, 1.0, false)))).isEmpty();
        List<Flag> flags = rules.evaluate(DAY, quiet(pmc(100, limit - EPS, 0, 1.0, false)));
        assertThat(flags).extracting(Flag::name).containsExactly("form_too_low");
        assertThat(flags.get(0).values()).containsEntry("ctl", 100.0).containsKey("tsb");
    }

    @Test
    void warmingUpSilencesFitnessAndRampFlagsOnly() {
        PmcDay bad = pmc(100, -90, 30, 3.0, true);
        HrvDay low = new HrvDay(3.0, 4.0, 0.1, -2.0, -3.0, false, 7, 40);
        assertThat(names(new DaySignals(bad, 500, 10, low, NO_SLEEP)))
                .containsExactly("hrv_suppressed", "hrv_drop");
        PmcDay sameAfterWarmUp = pmc(100, -90, 30, 3.0, false);
        assertThat(names(new DaySignals(sameAfterWarmUp, 500, 10, low, NO_SLEEP)))
                .containsExactly(
                        "ramp_too_fast",
                        "acute_chronic_high",
                        "form_too_low",
                        "hrv_suppressed",
                        "hrv_drop");
    }

    private DaySignals hrv(Double z7, Double zNight, boolean declines) {
        return new DaySignals(
                pmc(0, 0, 0, null, false),
                0,
                0,
                new HrvDay(0.0, 0.0, 1.0, z7, zNight, declines, 7, 60),
                NO_SLEEP);
    }

    @Test
    void hrvSuppressed() {
        double z = t.hrvSuppressedZscore();
        assertThat(names(hrv(z, null, false))).isEmpty();
        assertThat(names(hrv(z + EPS, null, false))).isEmpty();
        assertThat(names(hrv(z - EPS, null, false))).containsExactly("hrv_suppressed");
        assertThat(names(hrv(null, null, false))).isEmpty(); // insufficient is not suppressed
    }

    @Test
    void hrvDropByNightOrByTwoDeclines() {
        double z = t.hrvDropZscore();
        assertThat(names(hrv(null, z, false))).isEmpty();
        assertThat(names(hrv(null, z + EPS, false))).isEmpty();
        List<Flag> flags = rules.evaluate(DAY, hrv(null, z - EPS, false));
        assertThat(flags).extracting(Flag::name).containsExactly("hrv_drop");
        assertThat(flags.get(0).values()).containsEntry("hrvZNight", z - EPS);
        assertThat(names(hrv(null, -0.2, true))).containsExactly("hrv_drop");
    }

    private DaySignals sleep(Double last, int shortNights) {
        return new DaySignals(
                pmc(0, 0, 0, null, false), 0, 0, NO_HRV, new SleepDay(last, shortNights, 5, 7.0));
    }

    @Test
    void sleepShortLastNightOrThreeOfFive() {
        double min = t.sleepMinHours();
        assertThat(names(sleep(min, 0))).isEmpty();
        assertThat(names(sleep(min + EPS, 0))).isEmpty();
        assertThat(names(sleep(min - EPS, 1))).containsExactly("sleep_short");
        assertThat(names(sleep(8.0, 2))).isEmpty();
        assertThat(names(sleep(8.0, 3))).containsExactly("sleep_short");
        assertThat(names(sleep(null, 0))).isEmpty();
    }
}
