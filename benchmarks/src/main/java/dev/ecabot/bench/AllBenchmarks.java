package dev.ecabot.bench;

import dev.ecabot.bench.slack.SlackAckLoadHarness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every figure, each against its floor in the same run and interleaved, and prints one table: figure, bot,
 * floor, ratio, goal, verdict. Bounded: each figure has a fixed budget (about 9 minutes in all on 2 cores, see
 * docs/performance.md); only 127.0.0.1 is contacted (PostgreSQL at 127.0.0.1:5432 where one answers, in a schema
 * of its own that is dropped afterwards).
 * <pre>
 * AllBenchmarks [--only 1,3] [--quick]
 * </pre>
 * {@code --quick} shortens every figure (for trying the harness, not for the record).
 */
public final class AllBenchmarks {

    /** One figure: its number, its name and how to measure it. */
    interface Figure {
        List<Row> run(boolean quick) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the bot's logs at ERROR only (the test-jars bring logback-test.xml files of their own).
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        Set<Integer> only = new TreeSet<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--all", "" -> { }
                case "--quick" -> quick = true;
                case "--only" -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("--only needs figure numbers, e.g. --only 1,3");
                    for (String n : args[++i].split(",")) only.add(Integer.parseInt(n.trim()));
                }
                default -> throw new IllegalArgumentException("usage: AllBenchmarks [--only 1,3] [--quick]; got '" + args[i] + "'");
            }
        }
        Map<Integer, Figure> figures = new LinkedHashMap<>();
        // Sizes and durations chosen to stay within about 10 minutes on 2 shared cores (docs/performance.md says
        // which figures are smaller than the and why).
        figures.put(1, q -> SlackAckLoadHarness.measure(200, q ? 5 : 30, q ? 5 : 30));
        figures.put(2, q -> InventoryBenchmark.measure(q ? 10_000 : 100_000, q ? 5 : 10));
        figures.put(3, q -> StartupBenchmark.measure(q ? 2 : 3));
        figures.put(4, q -> ProvisioningBenchmark.measure(q ? 5 : 20));
        figures.put(5, q -> TurnBenchmark.measure(q ? 100 : 400));
        figures.put(6, q -> ReminderBenchmark.measure(q ? 1_000 : 2_000));
        figures.put(7, q -> ConversationsBenchmark.measure(q ? 100 : 1_000, q ? 1_000 : 10_000));
        figures.put(8, q -> TeamsBenchmark.measure(100, q ? 5 : 10, q ? 5 : 20));

        Instant start = Instant.now();
        String loadBefore = loadAverage();
        System.out.printf(Locale.ROOT, "benchmarks: %d cores, %s, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), loadBefore);
        List<Row> rows = new ArrayList<>();
        for (var figure : figures.entrySet()) {
            if (!only.isEmpty() && !only.contains(figure.getKey())) continue;
            Instant t = Instant.now();
            System.out.printf("[%d] running (load average %s) ...%n", figure.getKey(), loadAverage());
            List<Row> result;
            try {
                result = figure.getValue().run(quick);
            } catch (Exception | Error e) {
                e.printStackTrace(System.out);
                result = List.of(Row.failed("figure " + figure.getKey(), "-", e));
            }
            for (Row r : result) System.out.println("    " + line(r));
            rows.addAll(result);
            System.out.printf("[%d] done in %d s%n", figure.getKey(), Duration.between(t, Instant.now()).toSeconds());
            System.gc();
        }
        String table = table(rows, start, loadBefore);
        System.out.println();
        System.out.println(table);
        Path out = Path.of("benchmarks", "target", "results.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
            System.out.println("(also written to " + out + ")");
        } catch (IOException e) {
            System.out.println("(could not write " + out + ": " + e.getMessage() + ")");
        }
        System.exit(0);
    }

    static String table(List<Row> rows, Instant start, String loadBefore) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | bot | floor | ratio | goal | verdict | conditions |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(String.join(" | ", r.figure(), r.bot(), r.floor(), r.ratio(), r.goal(),
                    r.verdict().name().toLowerCase(Locale.ROOT), r.note().replace("|", "/"))).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nRun of %d s on %d cores; load average at start %s, at end %s.%n",
                Duration.between(start, Instant.now()).toSeconds(), Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAverage()));
        return sb.toString();
    }

    private static String line(Row r) {
        return String.format(Locale.ROOT, "%-34s bot %-12s floor %-24s ratio %-5s goal %-14s %s  %s", r.figure(),
                r.bot(), r.floor(), r.ratio(), r.goal(), r.verdict(), r.note());
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg where there is one. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
