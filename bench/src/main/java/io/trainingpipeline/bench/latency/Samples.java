package io.trainingpipeline.bench.latency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in nanoseconds with nearest-rank percentiles, printed in milliseconds. */
public final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    /** Adds one sample. */
    public void add(long latencyNanos) {
        nanos.add(latencyNanos);
    }

    /** Number of samples. */
    public int count() {
        return nanos.size();
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100) in milliseconds; NaN when empty. */
    public double percentileMillis(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    /** p50 in milliseconds. */
    public double p50() {
        return percentileMillis(50);
    }

    /** p99 in milliseconds. */
    public double p99() {
        return percentileMillis(99);
    }

    /** The largest sample in milliseconds. */
    public double max() {
        return percentileMillis(100);
    }

    /** "p50 12.3 ms, p99 45.6 ms, max 78.9 ms (n=200)". */
    public String summary() {
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50(), p99(), max(), count());
    }
}
