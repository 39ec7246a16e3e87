package dev.ecabot.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows a long figure has finished so far, so that a figure stopped at its budget still reports them
 * ({@link AllBenchmarks} runs one figure at a time).
 */
public final class Progress {

    private static final List<Row> ROWS = new ArrayList<>();

    private Progress() {
    }

    static synchronized void start() {
        ROWS.clear();
    }

    /** Records {@code row} as measured and answers it. */
    public static synchronized Row done(Row row) {
        ROWS.add(row);
        System.out.println("    (measured) " + row.figure() + ": " + row.bot() + " / " + row.floor());
        return row;
    }

    static synchronized List<Row> rows() {
        return List.copyOf(ROWS);
    }
}
