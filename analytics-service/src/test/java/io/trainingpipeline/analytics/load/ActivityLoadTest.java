package io.trainingpipeline.analytics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Section 2 against hand-derived values. */
class ActivityLoadTest {
    private final ActivityLoad load = new ActivityLoad(LoadSettings.defaults());
    // HRrest 50, HRmax 190, LTHR 169: HRr(120) = 0.5, HRr(169) = 0.85
    private final HrProfile male = new HrProfile(false, 190, 50, 169, false);
    private final HrProfile female = new HrProfile(true, 190, 50, 169, false);

    @Test
    void banisterTrimpByHand() {
        // 30 min at HRr 0.5: 30 × 0.5 × 0.64 × e^(1.92 × 0.5)
        assertThat(load.trimp(30, 120, male))
                .isCloseTo(30 * 0.5 * 0.64 * Math.exp(0.96), within(1e-12));
        assertThat(load.trimp(30, 120, female))
                .isCloseTo(30 * 0.5 * 0.86 * Math.exp(1.67 * 0.5), within(1e-12));
        assertThat(load.trimp(30, 120, male)).isCloseTo(25.0723, within(1e-3));
    }

    @Test
    void reserveIsClampedToZeroAndOne() {
        assertThat(male.reserveFraction(40)).isZero();
        assertThat(male.reserveFraction(250)).isEqualTo(1.0);
    }

    @Test
    void oneHourAtLthrScoresHrss100FromRecords() {
        var r =
                load.compute(
                        new ActivityLoad.Input(Map.of(169, 3600.0), List.of(), 169, 3600, null),
                        male);
        assertThat(r.method()).isEqualTo(LoadMethod.RECORDS);
        assertThat(r.hrss()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void recordsBeatZonesBeatAverage() {
        // half an hour at 120 and half at 169: TRIMP sums the two stretches
        var records =
                load.compute(
                        new ActivityLoad.Input(
                                Map.of(120, 1800.0, 169, 1800.0),
                                List.of(60.0, 0.0, 0.0, 0.0, 0.0),
                                145,
                                3600,
                                10.0),
                        male);
        double expected = load.trimp(30, 120, male) + load.trimp(30, 169, male);
        assertThat(records.trimp()).isCloseTo(expected, within(1e-9));
        assertThat(records.hrss())
                .isCloseTo(100 * expected / load.trimp(60, 169, male), within(1e-9));

        // zones: 10 min in zone 3 at 0.75 × 190 = 142.5 bpm
        var zones =
                load.compute(
                        new ActivityLoad.Input(
                                Map.of(), List.of(0.0, 0.0, 600.0, 0.0, 0.0), 145, 3600, null),
                        male);
        assertThat(zones.method()).isEqualTo(LoadMethod.ZONES);
        assertThat(zones.trimp()).isCloseTo(load.trimp(10, 142.5, male), within(1e-9));

        var avg = load.compute(new ActivityLoad.Input(Map.of(), List.of(), 145, 3600, null), male);
        assertThat(avg.method()).isEqualTo(LoadMethod.AVG_HR);
        assertThat(avg.trimp()).isCloseTo(load.trimp(60, 145, male), within(1e-9));

        var pre = load.compute(new ActivityLoad.Input(Map.of(), List.of(), null, 3600, 42.0), male);
        assertThat(pre.method()).isEqualTo(LoadMethod.PRECOMPUTED);
        assertThat(pre.hrss()).isEqualTo(42.0);
        var none =
                load.compute(new ActivityLoad.Input(Map.of(), List.of(), null, 3600, null), male);
        assertThat(none.method()).isEqualTo(LoadMethod.NONE);
        assertThat(none.hrss()).isZero();
    }

    @Test
    void averagingFirstUnderCounts() {
        // the exponential makes the mean of TRIMPs larger than the TRIMP of the mean
        var records =
                load.compute(
                        new ActivityLoad.Input(
                                Map.of(110, 1800.0, 170, 1800.0), List.of(), 140, 3600, null),
                        male);
        var avg = load.compute(new ActivityLoad.Input(Map.of(), List.of(), 140, 3600, null), male);
        assertThat(avg.hrss()).isLessThan(records.hrss());
    }

    @Test
    void missingProfileValuesAreEstimated() {
        ProfileEstimator est = new ProfileEstimator(0.9, 190, 60);
        HrProfile p =
                est.resolve(
                        false,
                        null,
                        null,
                        null,
                        OptionalDouble.of(185),
                        List.of(52, 48, 50, 70, 49, 51, 47));
        assertThat(p.hrMax()).isEqualTo(185);
        assertThat(p.hrRest()).isEqualTo(50); // median of the 7 values
        assertThat(p.lthr()).isCloseTo(166.5, within(1e-9));
        assertThat(p.estimated()).isTrue();
        HrProfile configured = est.resolve(true, 200, 45, 180, OptionalDouble.of(185), List.of(60));
        assertThat(configured).isEqualTo(new HrProfile(true, 200, 45, 180, false));
        HrProfile nothing = est.resolve(false, null, null, null, OptionalDouble.empty(), List.of());
        assertThat(nothing.hrMax()).isEqualTo(190);
        assertThat(nothing.hrRest()).isEqualTo(60);
    }
}
