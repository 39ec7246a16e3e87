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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every figure, each against its floor in the same run and interleaved, and prints one table: figure, bot,
 * floor, ratio, goal, verdict. Bounded: each figure has a budget and the run 10 minutes (see
 * docs/performance.md); only 127.0.0.1 is contacted (PostgreSQL at 127.0.0.1:5432 where one answers, in a schema
 * of its own that is dropped afterwards).
 * <pre>
 * AllBenchmarks [--only 1,3] [--quick] [--no-budget]
 * </pre>
 * {@code --quick} shortens every figure (for trying the harness, not for the record).
 */
public final class AllBenchmarks {

    /** One figure: its number, its name and how to measure it. */
    interface Figure {
        List<Row> run(boolean quick) throws Exception;
    }

    /** A figure and the seconds it may take at most (its sizes are chosen to take well under that). */
    record Budgeted(int seconds, Figure figure) { }

    /** The whole run: no figure starts after it, and a figure's budget never reaches past it. */
    static final Duration TOTAL = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the bot's logs at ERROR only (the test-jars bring logback-test.xml files of their own).
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        // The fakes built on the JDK's HttpServer (Slack Web API, Bot Connector) answer with headers and body in two
        // writes; with Nagle's algorithm on, the body waits for the client's delayed ACK (~40 ms on Linux loopback).
        // Real platforms do not add that, and it fell on the floor's round trip but not on the bot's (figure 5).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // exec-maven-plugin passes -Dbench.args="--only 2,6" as ONE argument: split it into words.
        args = String.join(" ", args).trim().split("\\s+");
        Set<Integer> only = new TreeSet<>();
        boolean quick = false;
        boolean budgets = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--all", "" -> { }
                case "--quick" -> quick = true;
                case "--no-budget" -> budgets = false; // a loaded machine: let each figure take what it takes
                case "--only" -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("--only needs figure numbers, e.g. --only 1,3");
                    for (String n : args[++i].split(",")) only.add(Integer.parseInt(n.trim()));
                }
                default -> throw new IllegalArgumentException("usage: AllBenchmarks [--only 1,3] [--quick] [--no-budget]; got '" + args[i] + "'");
            }
        }
        // Sizes and durations chosen to stay within 10 minutes on 2 cores (docs/performance.md says which figures
        // are smaller than the and why). Each figure also has a budget: past it, it is stopped and reported
        // failed, and the figures after it still run; the whole run stops starting figures at TOTAL.
        Map<Integer, Budgeted> figures = new LinkedHashMap<>();
        figures.put(1, new Budgeted(120, q -> SlackAckLoadHarness.measure(200, q ? 5 : 20, q ? 5 : 30)));
        figures.put(2, new Budgeted(240, q -> InventoryBenchmark.measure(q ? 10_000 : 100_000, q ? 5 : 10)));
        figures.put(3, new Budgeted(60, q -> StartupBenchmark.measure(q ? 2 : 3)));
        figures.put(4, new Budgeted(30, q -> ProvisioningBenchmark.measure(q ? 5 : 20)));
        figures.put(5, new Budgeted(30, q -> TurnBenchmark.measure(q ? 100 : 400)));
        figures.put(6, new Budgeted(150, q -> ReminderBenchmark.measure(q ? 1_000 : 2_000)));
        figures.put(7, new Budgeted(45, q -> ConversationsBenchmark.measure(q ? 100 : 1_000, q ? 1_000 : 10_000)));
        figures.put(8, new Budgeted(40, q -> TeamsBenchmark.measure(100, q ? 5 : 10, q ? 5 : 20)));
        figures.put(9, new Budgeted(120, q -> OutboxBenchmark.measure(q ? 2_000 : 10_000)));
        figures.put(10, new Budgeted(90, MicroBenchmarks::measure));

        Instant start = Instant.now();
        String loadBefore = loadAverage();
        System.out.printf(Locale.ROOT, "benchmarks: %d cores, %s, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), loadBefore);
        List<Row> rows = new ArrayList<>();
        for (var figure : figures.entrySet()) {
            int n = figure.getKey();
            if (!only.isEmpty() && !only.contains(n)) continue;
            Instant t = Instant.now();
            long left = TOTAL.minus(Duration.between(start, t)).toSeconds();
            long budget = budgets ? Math.min(figure.getValue().seconds(), left) : Duration.ofHours(1).toSeconds();
            List<Row> result;
            if (budget < 10) {
                result = List.of(Row.skipped("figure " + n, "-", "not started: the run's " + TOTAL.toMinutes()
                        + "-minute budget is spent"));
            } else {
                System.out.printf("[%d] running, budget %d s (load average %s) ...%n", n, budget, loadAverage());
                result = withinBudget(n, figure.getValue().figure(), quick, budget);
            }
            for (Row r : result) System.out.println("    " + line(r));
            rows.addAll(result);
            System.out.printf("[%d] done in %d s (load average %s)%n", n, Duration.between(t, Instant.now()).toSeconds(),
                    loadAverage());
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

    /**
     * Runs one figure on a thread of its own and waits at most {@code seconds}: a figure that throws, runs out of
     * heap or overruns its budget becomes one FAILED row (its thread is interrupted) and the next figure runs.
     */
    static List<Row> withinBudget(int n, Figure figure, boolean quick, long seconds) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-figure-" + n);
            t.setDaemon(true);
            return t;
        });
        Progress.start();
        Future<List<Row>> running = one.submit(() -> figure.run(quick));
        try {
            return running.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            List<Row> partial = new ArrayList<>(Progress.rows());
            partial.add(new Row("figure " + n, "-", "-", "-", "-", Row.Verdict.FAILED,
                    "stopped after its budget of " + seconds + " s; the rows above it were measured before that"));
            return partial;
        } catch (ExecutionException e) {
            e.getCause().printStackTrace(System.out);
            return List.of(Row.failed("figure " + n, "-", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Row.failed("figure " + n, "-", e));
        } finally {
            one.shutdownNow();
        }
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
