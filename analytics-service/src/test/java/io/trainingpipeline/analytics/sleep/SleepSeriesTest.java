package io.trainingpipeline.analytics.sleep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dense {@link SleepStats#series} equals {@link SleepStats#evaluate} day by day, exactly. */
class SleepSeriesTest {
    @Test
    void seriesEqualsDayByDayEvaluationOnRandomHistories() {
        Random random = new Random(3);
        for (int run = 0; run < 200; run++) {
            SleepSettings settings =
                    run % 3 == 0
                            ? new SleepSettings(
                                    5 + random.nextInt(4),
                                    1 + random.nextInt(4),
                                    1 + random.nextInt(9))
                            : SleepSettings.defaults();
            SleepStats sleep = new SleepStats(settings);
            LocalDate start = LocalDate.of(2021, 3, 1).plusDays(random.nextInt(500));
            int days = 1 + random.nextInt(300);
            double missing = random.nextDouble();
            TreeMap<LocalDate, Double> nights = new TreeMap<>();
            for (LocalDate d = start.minusDays(20); d.isBefore(start.plusDays(days + 3)); ) {
                if (random.nextDouble() >= missing) {
                    nights.put(d, 3 + random.nextInt(7) + random.nextDouble() / 3);
                }
                d = d.plusDays(1);
            }
            SleepDay[] series = sleep.series(nights, start, days);
            for (int d = 0; d < days; d++) {
                assertThat(series[d])
                        .as("run %d day %s", run, start.plusDays(d))
                        .isEqualTo(sleep.evaluate(nights, start.plusDays(d)));
            }
        }
    }
}
