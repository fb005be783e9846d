package io.trainingpipeline.analytics.hrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Section 4: windows, minimum samples, median/MAD baseline, z-scores, declines. */
class HrvReadinessTest {
    private static final LocalDate DAY = LocalDate.parse("2026-06-30");
    private final HrvReadiness hrv = new HrvReadiness(HrvSettings.defaults());

    /** 21 baseline nights with ln values 3.8×5, 3.9×5, 4.0, 4.1×5, 4.2×5: median 4.0, MAD 0.1. */
    private static TreeMap<LocalDate, Double> baseline(int nights, int firstOffset) {
        TreeMap<LocalDate, Double> m = new TreeMap<>();
        double[] xs = {
            3.8, 3.8, 3.8, 3.8, 3.8, 3.9, 3.9, 3.9, 3.9, 3.9, 4.0, 4.1, 4.1, 4.1, 4.1, 4.1, 4.2,
            4.2, 4.2, 4.2, 4.2
        };
        for (int i = 0; i < nights; i++) {
            m.put(DAY.minusDays(firstOffset - i), Math.exp(xs[i % xs.length]));
        }
        return m;
    }

    @Test
    void zAgainstMedianAndScaledMad() {
        TreeMap<LocalDate, Double> nights = baseline(21, 67);
        for (int i = 0; i < 3; i++) {
            nights.put(DAY.minusDays(i), Math.exp(3.9));
        }
        HrvDay day = hrv.evaluate(nights, DAY);
        assertThat(day.baselineMedian()).isCloseTo(4.0, within(1e-12));
        assertThat(day.baselineSpread()).isCloseTo(1.4826 * 0.1, within(1e-9));
        assertThat(day.acute()).isCloseTo(3.9, within(1e-12));
        assertThat(day.z7()).isCloseTo(-0.1 / (1.4826 * 0.1), within(1e-9));
        assertThat(day.zNight()).isCloseTo(-0.1 / (1.4826 * 0.1), within(1e-9));
    }

    @Test
    void acuteNeedsThreeNightsInTheLastSevenDays() {
        TreeMap<LocalDate, Double> nights = baseline(21, 67);
        nights.put(DAY, Math.exp(4.0));
        nights.put(DAY.minusDays(6), Math.exp(4.0));
        nights.put(DAY.minusDays(7), Math.exp(4.0)); // outside the acute window (and the baseline)
        assertThat(hrv.evaluate(nights, DAY).z7()).isNull();
        assertThat(hrv.evaluate(nights, DAY).insufficient()).isTrue();
        nights.put(DAY.minusDays(3), Math.exp(4.0));
        assertThat(hrv.evaluate(nights, DAY).z7()).isNotNull();
        assertThat(hrv.evaluate(nights, DAY).acuteNights()).isEqualTo(3);
    }

    @Test
    void baselineNeeds21NightsBetweenDayMinus67AndMinus8() {
        TreeMap<LocalDate, Double> nights = baseline(20, 67);
        for (int i = 0; i < 3; i++) {
            nights.put(DAY.minusDays(i), Math.exp(4.0));
        }
        nights.put(DAY.minusDays(68), Math.exp(4.0)); // one day too early
        assertThat(hrv.evaluate(nights, DAY).z7()).isNull();
        assertThat(hrv.evaluate(nights, DAY).baselineNights()).isEqualTo(20);
        nights.put(DAY.minusDays(8), Math.exp(4.0)); // last baseline day: 21 nights
        assertThat(hrv.evaluate(nights, DAY).baselineNights()).isEqualTo(21);
        assertThat(hrv.evaluate(nights, DAY).z7()).isNotNull();
    }

    @Test
    void missingNightIsNeverZeroAndTwoDeclinesBelowBaselineAreFlagged() {
        TreeMap<LocalDate, Double> nights = baseline(21, 67);
        nights.put(DAY.minusDays(2), Math.exp(3.99));
        nights.put(DAY.minusDays(1), Math.exp(3.95));
        nights.put(DAY, Math.exp(3.92));
        assertThat(hrv.evaluate(nights, DAY).consecutiveDeclines()).isTrue();
        nights.put(DAY.minusDays(1), Math.exp(4.05)); // above the median: not a decline below it
        assertThat(hrv.evaluate(nights, DAY).consecutiveDeclines()).isFalse();
        nights.remove(DAY);
        assertThat(hrv.evaluate(nights, DAY).zNight()).isNull();
    }
}
