package io.trainingpipeline.analytics.load;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Highest max HR per athlete and day of activities seen but not stored yet. A bulk replay stores
 * its rows only at its end, yet the profile estimate of training-science section 2 (HRmax = highest
 * HR of the last 365 days) must still see them, as it does when every batch is stored at once.
 * Dense per athlete (one int per day) so ten years of a thousand athletes stay a few megabytes.
 */
public final class RecentMaxHr {
    private static final class Days {
        long first;
        int[] max = new int[0];
    }

    private final Map<String, Days> byAthlete = new HashMap<>();

    /** Records an activity's max HR (null: nothing to record). */
    public synchronized void record(String athleteId, LocalDate day, Integer maxHr) {
        if (maxHr == null || maxHr <= 0) {
            return;
        }
        Days d = byAthlete.computeIfAbsent(athleteId, k -> new Days());
        long epoch = day.toEpochDay();
        if (d.max.length == 0) {
            d.first = epoch;
            d.max = new int[64];
        } else if (epoch < d.first) {
            int shift = (int) (d.first - epoch);
            int[] grown = new int[d.max.length + shift];
            System.arraycopy(d.max, 0, grown, shift, d.max.length);
            d.max = grown;
            d.first = epoch;
        } else if (epoch - d.first >= d.max.length) {
            d.max = Arrays.copyOf(d.max, Math.max(d.max.length * 2, (int) (epoch - d.first) + 1));
        }
        int i = (int) (epoch - d.first);
        d.max[i] = Math.max(d.max[i], maxHr);
    }

    /** The highest recorded max HR of days {@code from..to} inclusive, if any. */
    public synchronized OptionalDouble max(String athleteId, LocalDate from, LocalDate to) {
        Days d = byAthlete.get(athleteId);
        if (d == null) {
            return OptionalDouble.empty();
        }
        long lo = Math.max(from.toEpochDay() - d.first, 0);
        long hi = Math.min(to.toEpochDay() - d.first, d.max.length - 1L);
        int best = 0;
        for (long i = lo; i <= hi; i++) {
            best = Math.max(best, d.max[(int) i]);
        }
        return best > 0 ? OptionalDouble.of(best) : OptionalDouble.empty();
    }

    /** The larger of two optional values. */
    public static OptionalDouble larger(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.getAsDouble() > a.getAsDouble() ? b : a;
    }
}
