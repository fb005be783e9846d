package io.trainingpipeline.analytics.hrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The streaming {@link HrvReadiness#series} equals {@link HrvReadiness#evaluate} day by day, bit
 * for bit (records compare their Double fields exactly), over random histories with gaps, repeated
 * values, invalid nights (0, negative) and nights before the series start.
 */
class HrvSeriesTest {
    @Test
    void seriesEqualsDayByDayEvaluationOnRandomHistories() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            HrvSettings settings =
                    run % 4 == 0
                            ? new HrvSettings(
                                    1 + random.nextInt(10),
                                    1 + random.nextInt(4),
                                    20 + random.nextInt(60),
                                    random.nextInt(15),
                                    1 + random.nextInt(25),
                                    1.4826)
                            : HrvSettings.defaults();
            HrvReadiness hrv = new HrvReadiness(settings);
            LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1000));
            int days = 1 + random.nextInt(400);
            double missing = random.nextDouble() * 0.8;
            TreeMap<LocalDate, Double> nights = new TreeMap<>();
            for (LocalDate d = start.minusDays(100); d.isBefore(start.plusDays(days + 5)); ) {
                if (random.nextDouble() >= missing) {
                    double r =
                            switch (random.nextInt(10)) {
                                case 0 -> 50; // repeated values: ties in the medians
                                case 1 -> 0; // invalid nights are skipped, not imputed
                                case 2 -> -3;
                                default -> 20 + random.nextInt(80) + random.nextDouble();
                            };
                    nights.put(d, r);
                }
                d = d.plusDays(1);
            }
            HrvDay[] series = hrv.series(nights, start, days);
            for (int d = 0; d < days; d++) {
                assertThat(series[d])
                        .as("run %d day %s", run, start.plusDays(d))
                        .isEqualTo(hrv.evaluate(nights, start.plusDays(d)));
            }
        }
    }

    @Test
    void windowWithoutValuesIsInsufficient() {
        HrvReadiness hrv = new HrvReadiness(HrvSettings.defaults());
        HrvDay[] series = hrv.series(new TreeMap<>(), LocalDate.of(2026, 1, 1), 3);
        assertThat(series).allSatisfy(d -> assertThat(d.insufficient()).isTrue());
        assertThat(series[0].baselineNights()).isZero();
    }
}
