package io.trainingpipeline.analytics.hrv;

import java.util.Arrays;

/**
 * The values of a sliding window kept sorted (insert and remove by binary search), giving the
 * median and the median absolute deviation exactly as {@code ProfileEstimator.median} computes them
 * on the same values (middle value, or the mean of the middle two). NaN means "no value" and is
 * ignored.
 */
final class SortedWindow {
    private double[] values;
    private int size;

    SortedWindow(int capacity) {
        values = new double[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    void add(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        int at = Arrays.binarySearch(values, 0, size, v);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = v;
        size++;
    }

    void remove(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        int at = Arrays.binarySearch(values, 0, size, v);
        if (at < 0) {
            throw new IllegalStateException("value not in the window: " + v);
        }
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
    }

    /** Median of the values (size must be positive). */
    double median() {
        return size % 2 == 1 ? values[size / 2] : (values[size / 2 - 1] + values[size / 2]) / 2.0;
    }

    /**
     * Median of {@code |x − m|} over the values: the deviations of a sorted array fall towards
     * {@code m} and rise after it, so merging both runs outwards from {@code m} yields them in
     * order and the middle ones are reached after size/2 steps.
     */
    double medianDeviation(double m) {
        int right = Arrays.binarySearch(values, 0, size, m);
        right = right < 0 ? -right - 1 : right;
        int left = right - 1;
        int want = size / 2; // index of the (upper) middle deviation in sorted order
        double previous = 0;
        double current = 0;
        for (int k = 0; k <= want; k++) {
            previous = current;
            double l = left >= 0 ? Math.abs(values[left] - m) : Double.POSITIVE_INFINITY;
            double r = right < size ? Math.abs(values[right] - m) : Double.POSITIVE_INFINITY;
            if (l <= r) {
                current = l;
                left--;
            } else {
                current = r;
                right++;
            }
        }
        return size % 2 == 1 ? current : (previous + current) / 2.0;
    }
}
