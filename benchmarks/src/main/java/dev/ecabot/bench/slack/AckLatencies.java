package dev.ecabot.bench.slack;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Ack latencies of one target in one run (microseconds), and its errors. Thread-safe; bounded capacity. */
final class AckLatencies {

    private final String name;
    private final long[] micros;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();

    AckLatencies(String name, int capacity) {
        this.name = name;
        this.micros = new long[capacity];
    }

    void record(long latencyMicros) {
        int i = count.getAndIncrement();
        if (i < micros.length) micros[i] = latencyMicros;
    }

    void error() {
        errors.incrementAndGet();
    }

    long percentile(double p) {
        long[] sorted = sorted();
        if (sorted.length == 0) return 0;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    int count() {
        return Math.min(count.get(), micros.length);
    }

    int errors() {
        return errors.get();
    }

    String row() {
        long[] s = sorted();
        return String.format("%-6s %7d %6d %9.2f %9.2f %9.2f %9.2f", name, count(), errors(),
                percentile(50) / 1000.0, percentile(90) / 1000.0, percentile(99) / 1000.0,
                s.length == 0 ? 0 : s[s.length - 1] / 1000.0);
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(micros, count());
        Arrays.sort(copy);
        return copy;
    }
}
