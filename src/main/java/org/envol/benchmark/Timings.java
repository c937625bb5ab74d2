package org.envol.benchmark;

import java.util.Arrays;

/** Durations of repeated runs of one measure, in nanoseconds: median and 95th percentile. */
final class Timings {

    private final long[] nanos;
    private int count;

    Timings(int capacity) {
        nanos = new long[capacity];
    }

    /** Runs the work once and records how long it took. */
    <T> T time(java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        nanos[count++] = System.nanoTime() - start;
        return result;
    }

    int count() {
        return count;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double p95Millis() {
        return percentileMillis(95);
    }

    /** Nearest-rank percentile. */
    double percentileMillis(int percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
