package dev.ecabot.bench;

import java.util.Arrays;

/** Durations in nanoseconds, collected from one thread or many (synchronized), with percentiles in ms. */
public final class Samples {

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long durationNanos) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = durationNanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The p-th percentile (nearest rank) in milliseconds; NaN when empty. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p99() {
        return percentileMillis(99);
    }
}
