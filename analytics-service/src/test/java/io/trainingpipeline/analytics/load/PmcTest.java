package io.trainingpipeline.analytics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Section 3 against closed forms. */
class PmcTest {
    private final PmcSettings settings = PmcSettings.defaults();

    @Test
    void constantLoadFromZeroFollowsTheClosedForm() {
        double[] loads = new double[100];
        Arrays.fill(loads, 100);
        List<PmcDay> days = new Pmc(settings).compute(loads, 0, 0);
        for (int d = 0; d < 100; d++) {
            int n = d + 1; // days of load applied
            assertThat(days.get(d).ctl()).isCloseTo(100 * (1 - Math.exp(-n / 42.0)), within(1e-9));
            assertThat(days.get(d).atl()).isCloseTo(100 * (1 - Math.exp(-n / 7.0)), within(1e-9));
            double tsb = d == 0 ? 0 : 100 * (Math.exp(-d / 7.0) - Math.exp(-d / 42.0));
            assertThat(days.get(d).tsb()).isCloseTo(tsb, within(1e-9));
            double ctlWeekAgo = n - 7 <= 0 ? 0 : 100 * (1 - Math.exp(-(n - 7) / 42.0));
            assertThat(days.get(d).ramp())
                    .isCloseTo(100 * (1 - Math.exp(-n / 42.0)) - ctlWeekAgo, within(1e-9));
            // both EWMAs are seeded with the first day's load: a constant series has ACWR 1
            assertThat(days.get(d).acwr()).isCloseTo(1.0, within(1e-12));
            assertThat(days.get(d).warmingUp()).isEqualTo(d < 42);
        }
    }

    @Test
    void simpleKSwitchUsesOneOverTau() {
        double[] loads = new double[10];
        Arrays.fill(loads, 50);
        PmcSettings simple = new PmcSettings(42, 7, true, 7, 28, 42, 7);
        List<PmcDay> days = new Pmc(simple).compute(loads, 0, 0);
        assertThat(days.get(9).ctl())
                .isCloseTo(50 * (1 - Math.pow(1 - 1 / 42.0, 10)), within(1e-9));
        assertThat(days.get(9).atl()).isCloseTo(50 * (1 - Math.pow(1 - 1 / 7.0, 10)), within(1e-9));
    }

    @Test
    void seedIsTheDayBeforeTheFirstDay() {
        List<PmcDay> days = new Pmc(settings).compute(new double[] {0, 0}, 60, 80);
        assertThat(days.get(0).tsb()).isEqualTo(60 - 80);
        assertThat(days.get(0).ctl()).isCloseTo(60 * Math.exp(-1 / 42.0), within(1e-9));
    }

    @Test
    void acwrIsTheWilliamsEwma() {
        double[] loads = {100, 0, 200};
        List<PmcDay> days = new Pmc(settings).compute(loads, 0, 0);
        double la = 2.0 / 8;
        double lc = 2.0 / 29;
        double a1 = 100 + la * (0 - 100);
        double c1 = 100 + lc * (0 - 100);
        double a2 = a1 + la * (200 - a1);
        double c2 = c1 + lc * (200 - c1);
        assertThat(days.get(2).acwr()).isCloseTo(a2 / c2, within(1e-12));
        assertThat(new Pmc(settings).compute(new double[] {0, 0}, 0, 0).get(1).acwr()).isNull();
    }
}
