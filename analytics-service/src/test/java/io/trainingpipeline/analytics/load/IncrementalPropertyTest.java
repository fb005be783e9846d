package io.trainingpipeline.analytics.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Incremental update equals full recomputation (issue 5): random histories delivered in random
 * order, with late events (days before what was already computed, even before the first day) and
 * duplicates; after every arrival only the days from the changed one on are recomputed, and the
 * result must equal, bit for bit, a full computation over the final history.
 */
class IncrementalPropertyTest {
    private record Activity(String id, LocalDate day, double load) {}

    private static final LocalDate EPOCH = LocalDate.parse("2026-01-01");

    @RepeatedTest(200)
    void incrementalEqualsFull(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition() * 7919L);
        int n = 1 + random.nextInt(60);
        List<Activity> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            history.add(
                    new Activity(
                            "a" + i,
                            EPOCH.plusDays(random.nextInt(150)),
                            Math.round(random.nextDouble() * 2000) / 10.0));
        }
        List<Activity> arrivals = new ArrayList<>(history);
        for (int i = 0; i < n / 3 + 1; i++) {
            arrivals.add(history.get(random.nextInt(n))); // duplicates (redelivery, replay)
        }
        Collections.shuffle(arrivals, random); // late and out-of-order
        PmcSettings settings =
                new PmcSettings(
                        20 + random.nextInt(40),
                        3 + random.nextInt(10),
                        random.nextBoolean(),
                        7,
                        28,
                        42,
                        7);
        Pmc pmc = new Pmc(settings);
        double seedCtl = random.nextBoolean() ? 0 : random.nextInt(80);
        double seedAtl = random.nextBoolean() ? 0 : random.nextInt(80);

        DailyLoadLedger ledger = new DailyLoadLedger();
        List<PmcDay> incremental = List.of();
        LocalDate computedFrom = null;
        for (Activity a : arrivals) {
            LocalDate changed = ledger.put(a.id(), a.day(), a.load());
            LocalDate first = ledger.firstDay().orElseThrow();
            NavigableMap<LocalDate, Double> sums = ledger.sums();
            int days = (int) ChronoUnit.DAYS.between(first, sums.lastKey()) + 1;
            double[] loads = DailyLoadLedger.dense(sums, first, days);
            if (computedFrom == null || !first.equals(computedFrom)) {
                // a new first day moves the seed and the warm-up: recompute everything
                incremental = pmc.compute(loads, seedCtl, seedAtl);
                computedFrom = first;
            } else {
                int from =
                        (int) Math.min(ChronoUnit.DAYS.between(first, changed), incremental.size());
                incremental = pmc.extend(incremental, loads, from, seedCtl, seedAtl);
            }
        }

        DailyLoadLedger once = new DailyLoadLedger();
        history.forEach(a -> once.put(a.id(), a.day(), a.load()));
        LocalDate first =
                history.stream().map(Activity::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last =
                history.stream().map(Activity::day).max(LocalDate::compareTo).orElseThrow();
        double[] loads =
                DailyLoadLedger.dense(
                        once.sums(), first, (int) ChronoUnit.DAYS.between(first, last) + 1);
        assertThat(incremental).isEqualTo(pmc.compute(loads, seedCtl, seedAtl));
    }
}
