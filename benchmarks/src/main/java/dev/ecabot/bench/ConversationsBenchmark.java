package dev.ecabot.bench;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.store.Database;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figure 7: {@code walkers} users each walking a playbook to its summary at the same time (32 chat threads
 * delivering their turns, as a server's request threads would), then {@code idle} conversations started and left
 * open; every turn is timed (event in to the engine returning with its reply posted). The heap (used, after GC)
 * with all of them held is compared with the heap of the same bot idle after start. On H2 (in memory, so the
 * database is in the heap too) and PostgreSQL.
 */
public final class ConversationsBenchmark {

    private static final int CHAT_THREADS = 32;
    /** Walks run before the measured ones, unmeasured (see {@link #warmUp}). */
    private static final int WARM_UP_WALKS = 200;

    private ConversationsBenchmark() {
    }

    public static List<Row> measure(int walkers, int idle) throws Exception {
        List<Row> rows = new ArrayList<>(measureOn("H2", Database.inMemory("bench-conv-" + UUID.randomUUID()), walkers, idle));
        var unreachable = PostgresSchemas.unreachable();
        if (unreachable.isPresent()) {
            rows.add(Row.skipped("Conversations (PostgreSQL)", "heap <= 256 MB, p99 turn <= 100 ms", unreachable.get()));
        } else {
            try {
                // PostgreSQL holds the same walkers but a fifth of the idle conversations (time budget).
                rows.addAll(measureOn("PG", PostgresSchemas.openFresh(), walkers, Math.max(1, idle / 5)));
            } finally {
                PostgresSchemas.dropAll();
            }
        }
        return rows;
    }

    private static List<Row> measureOn(String dbName, Database db, int walkers, int idle) throws Exception {
        try (BenchBot bot = new BenchBot(db, Duration.ZERO)) {
            ExecutorService chat = Executors.newFixedThreadPool(CHAT_THREADS);
            warmUp(bot, chat);
            long idleHeap = heapAfterGc();
            Samples turns = new Samples();
            AtomicInteger finished = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            long start = System.nanoTime();
            List<Future<?>> walks = new ArrayList<>();
            for (int i = 0; i < walkers; i++) {
                ChatUser user = BenchBot.user("walker" + i);
                String name = "Walker App " + i;
                walks.add(chat.submit(() -> {
                    bot.walkToSummary(user, "altify-mcp", Map.of("app_name", name), turns::add);
                    finished.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> w : walks) {
                try {
                    w.get(5, TimeUnit.MINUTES);
                } catch (Exception e) {
                    if (failures.size() < 3) failures.add(String.valueOf(e.getCause() == null ? e : e.getCause()));
                }
            }
            long walkMillis = (System.nanoTime() - start) / 1_000_000;
            Samples idleTurns = new Samples();
            AtomicInteger open = new AtomicInteger();
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < idle; i++) {
                ChatUser user = BenchBot.user("idle" + i);
                starts.add(chat.submit(() -> {
                    long t = System.nanoTime();
                    bot.says(user, "new altify-mcp demo");
                    idleTurns.add(System.nanoTime() - t);
                    var last = bot.lastMessageTo(user);
                    if (last instanceof ChoicePrompt || last instanceof FormPrompt) open.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> s : starts) s.get(5, TimeUnit.MINUTES);
            chat.shutdown();
            long heldHeap = heapAfterGc();
            double mb = heldHeap / 1048576.0;
            double idleMb = idleHeap / 1048576.0;
            boolean allDone = finished.get() == walkers;
            String note = String.format(Locale.ROOT, "%d/%d walks reached the summary in %d ms (%d turns, %d chat threads)%s;"
                            + " %d/%d idle conversations open awaiting an answer, their first turn p99 %s",
                    finished.get(), walkers, walkMillis, turns.count(), CHAT_THREADS,
                    failures.isEmpty() ? "" : ", failures: " + failures, open.get(), idle, Row.ms(idleTurns.p99()));
            return List.of(
                    new Row("Conversations: heap held (" + dbName + ")", String.format(Locale.ROOT, "%.0f MB", mb),
                            String.format(Locale.ROOT, "%.0f MB (idle after start)", idleMb), Row.ratio(mb, idleMb),
                            "<= 256 MB, all finish", Row.met(mb <= 256 && allDone && open.get() == idle), note),
                    new Row("Conversations: p99 turn, " + walkers + " at once (" + dbName + ")", Row.ms(turns.p99()),
                            "-", "-", "<= 100 ms", Row.met(turns.p99() <= 100),
                            "p50 " + Row.ms(turns.p50()) + "; after " + WARM_UP_WALKS
                                    + " unmeasured warm-up walks; no floor: the goal is absolute"));
        }
    }

    /**
     * Walks {@value #WARM_UP_WALKS} users to their summary on the same chat threads, unmeasured, so the turns measured
     * are those of a bot that has been answering for a while (the JIT has compiled the turn's paths), not a
     * first minute's: with one warm-up walk, the first quarter of the measured run was 2-3x slower than the last.
     */
    private static void warmUp(BenchBot bot, ExecutorService chat) throws Exception {
        List<Future<?>> walks = new ArrayList<>();
        for (int i = 0; i < WARM_UP_WALKS; i++) {
            ChatUser user = BenchBot.user("warm" + i);
            String name = "Warm App " + i;
            walks.add(chat.submit(() -> {
                bot.walkToSummary(user, "altify-mcp", Map.of("app_name", name), t -> { });
                return null;
            }));
        }
        for (Future<?> w : walks) w.get(5, TimeUnit.MINUTES);
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
