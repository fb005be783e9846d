package io.trainingpipeline.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.analytics.day.AnalyticsParams;
import io.trainingpipeline.analytics.day.DayMetrics;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The set-based recompute of all athletes gives, per athlete, exactly the days of the per-athlete
 * query path ({@code range} from the first day of data), on the service's DuckDB file.
 */
@QuarkusTest
class RecomputeAllTest {
    @Inject AnalyticsStore store;

    @Test
    void recomputeAllEqualsPerAthleteRange() throws Exception {
        {
            Random random = new Random(7);
            LocalDate start = LocalDate.parse("2024-01-01");
            store.locked(
                    c -> {
                        for (String t : List.of("daily_load", "hrv_nights", "sleep_nights")) {
                            try (var st = c.createStatement()) { // a re-run on the same file
                                st.execute("DELETE FROM " + t + " WHERE athlete_id LIKE 'ra-%'");
                            }
                        }
                        try (PreparedStatement load =
                                        c.prepareStatement(
                                                "INSERT INTO daily_load VALUES (?, ?, ?, ?, ?, 1,"
                                                        + " 0, 0, NULL, 0)");
                                PreparedStatement hrv =
                                        c.prepareStatement(
                                                "INSERT INTO hrv_nights VALUES (?, ?, ?, NULL,"
                                                        + " NULL, NULL, 'e')");
                                PreparedStatement sleep =
                                        c.prepareStatement(
                                                "INSERT INTO sleep_nights VALUES (?, ?, ?, NULL,"
                                                        + " NULL, NULL, NULL, NULL, 'e')")) {
                            for (int a = 0; a < 5; a++) {
                                String athlete = "ra-" + a;
                                LocalDate first = start.plusDays(random.nextInt(30));
                                for (int d = -80; d < 300; d++) {
                                    LocalDate day = first.plusDays(d);
                                    if (a != 4 && d >= 0 && random.nextInt(4) != 0) {
                                        load.setString(1, athlete);
                                        load.setObject(2, day);
                                        load.setDouble(3, random.nextInt(200));
                                        load.setDouble(4, random.nextInt(300));
                                        load.setObject(
                                                5,
                                                random.nextBoolean() ? null : random.nextInt(99));
                                        load.execute();
                                    }
                                    if (random.nextInt(5) != 0) {
                                        hrv.setString(1, athlete);
                                        hrv.setObject(2, day);
                                        hrv.setObject(
                                                3,
                                                random.nextInt(10) == 0
                                                        ? null
                                                        : 30.0 + random.nextInt(60));
                                        hrv.execute();
                                    }
                                    if (random.nextInt(3) != 0) {
                                        sleep.setString(1, athlete);
                                        sleep.setObject(2, day);
                                        sleep.setDouble(3, 3600.0 * (4 + random.nextInt(5)));
                                        sleep.execute();
                                    }
                                }
                            }
                        }
                        return null;
                    });
            LocalDate to = start.plusDays(250);
            for (boolean trimp : List.of(false, true)) {
                AthleteMetrics metrics =
                        new AthleteMetrics(store, AnalyticsParams.defaults(), trimp);
                Map<String, List<DayMetrics>> all = new TreeMap<>();
                // the service's database also holds other test classes' athletes: keep ours
                metrics.recomputeAll(
                        to,
                        (athlete, days) -> {
                            if (athlete.startsWith("ra-")) {
                                all.put(athlete, days);
                            }
                        });
                // ra-4 has HRV and sleep but no load: skipped
                assertThat(all).containsOnlyKeys("ra-0", "ra-1", "ra-2", "ra-3");
                for (var e : all.entrySet()) {
                    LocalDate first = store.queries().dailyLoads(e.getKey()).firstKey();
                    List<DayMetrics> expected = metrics.range(e.getKey(), first, to);
                    assertThat(e.getValue()).hasSize(expected.size()).isEqualTo(expected);
                    assertThat(e.getValue().stream().anyMatch(m -> m.hrvZ7() != null)).isTrue();
                }
            }
        }
    }
}
