package dev.ecabot.bench;

import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.store.Database;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Figure 6: {@code count} reminders all due at the same instant, scheduled while the scheduler is stopped, then
 * the scheduler started: the time until every one was delivered, on the bot's JDBC job store (H2 in memory,
 * PostgreSQL, and two instances clustered on one PostgreSQL schema), with the production settings
 * ({@link RemindersSettings#defaults()}: 2 threads, triggers acquired 10 at a time). The floor is Quartz's own
 * RAMJobStore with the same jobs, threads and batch size, run just before each. Every delivery is counted per
 * reminder: all must arrive, none twice.
 */
public final class ReminderBenchmark {

    private ReminderBenchmark() {
    }

    public static List<Row> measure(int count) throws Exception {
        RemindersSettings settings = RemindersSettings.defaults();
        List<Row> rows = new ArrayList<>();
        rows.add(compare("H2", count, settings, List.of(() -> Database.inMemory("bench-rem-" + UUID.randomUUID()))));
        if (System.getProperty("bench.reminders.knobs") != null) {
            // Quartz acquires at most as many triggers as it has free threads, so the batch size only tells with more threads.
            for (int threads : new int[] {4, 8}) {
                for (int batch : threads == 4 ? new int[] {10} : new int[] {1, 10, 50}) {
                    RemindersSettings knob = RemindersSettings.builder().threadCount(threads).acquireBatchSize(batch).build();
                    rows.add(compare("H2, " + threads + " threads, batch " + batch, count, knob,
                            List.of(() -> Database.inMemory("bench-rem-" + UUID.randomUUID()))));
                }
            }
            return rows;
        }
        var unreachable = PostgresSchemas.unreachable();
        if (unreachable.isPresent()) {
            rows.add(Row.skipped("Reminders (PostgreSQL)", "all within 60 s, none twice", unreachable.get()));
            return rows;
        }
        try {
            rows.add(compare("PG", count, settings, List.of(PostgresSchemas::openFresh)));
            String shared = PostgresSchemas.freshSchemaUrl();
            Supplier<Database> instance = () -> Database.open(shared, PostgresSchemas.user(), null);
            rows.add(compare("PG, 2 clustered", count, settings, List.of(instance, instance)));
        } finally {
            PostgresSchemas.dropAll();
        }
        return rows;
    }

    private static Row compare(String name, int count, RemindersSettings settings, List<Supplier<Database>> instances)
            throws Exception {
        long floor = ramJobStore(count, settings);
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        AtomicInteger late = new AtomicInteger();
        List<Database> dbs = new ArrayList<>();
        List<Reminders> schedulers = new ArrayList<>();
        try {
            for (Supplier<Database> s : instances) {
                Database db = s.get();
                dbs.add(db);
                schedulers.add(Reminders.open(db, (reminder, isLate) -> {
                    if (isLate) late.incrementAndGet();
                    delivered.computeIfAbsent(reminder.id(), k -> new AtomicInteger()).incrementAndGet();
                }, settings));
            }
            long scheduleStart = System.nanoTime();
            Instant due = Instant.now().plusSeconds(1);
            for (int i = 0; i < count; i++) {
                schedulers.get(0).schedule(Reminder.of(ReminderKind.values()[0],
                        new Recipient(Recipient.Type.REQUESTER, "bench:U" + i), "demo", "Bench_App_" + i, due,
                        "Reminder " + i).withId("bench-" + i));
            }
            long scheduleMillis = (System.nanoTime() - scheduleStart) / 1_000_000;
            long start = System.nanoTime();
            for (Reminders r : schedulers) r.start();
            // The goal is 60 s: waiting longer would only spend the run's budget on a figure already missed.
            long drained = awaitAll(delivered, count, Duration.ofSeconds(61), start);
            Thread.sleep(500); // a second delivery of the same reminder would show now
            int twice = (int) delivered.values().stream().filter(n -> n.get() > 1).count();
            boolean all = delivered.size() == count;
            double bot = drained / 1e6;
            double f = floor / 1e6;
            return Progress.done(new Row("Reminders: " + count + " due at once (" + name + ")", Row.ms(bot), Row.ms(f) + " (RAMJobStore)",
                    Row.ratio(bot, f), "all within 60 s, none twice", Row.met(all && twice == 0 && bot <= 60_000),
                    String.format(Locale.ROOT, "%d/%d delivered, %d twice, %d flagged late; scheduling took %d ms;"
                            + " %d threads, batch %d", delivered.size(), count, twice, late.get(), scheduleMillis,
                            settings.threadCount(), settings.acquireBatchSize())));
        } finally {
            for (Reminders r : schedulers) r.close();
            for (Database db : dbs) db.close();
        }
    }

    private static long awaitAll(Map<String, AtomicInteger> delivered, int count, Duration limit, long start)
            throws InterruptedException {
        long deadline = start + limit.toNanos();
        while (delivered.size() < count && System.nanoTime() < deadline) Thread.sleep(5);
        return System.nanoTime() - start;
    }

    /** Counts the RAM store's deliveries (a Quartz job is made by class; the count lives here). */
    public static final class CountingJob implements Job {
        static final Map<String, AtomicInteger> DELIVERED = new ConcurrentHashMap<>();

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            DELIVERED.computeIfAbsent(context.getJobDetail().getKey().getName(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Nanoseconds for Quartz with RAMJobStore to fire {@code count} jobs due at one instant. */
    static long ramJobStore(int count, RemindersSettings settings) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "bench-ram-" + UUID.randomUUID());
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(settings.acquireBatchSize()));
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.threadCount()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThreshold().toMillis()));
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        CountingJob.DELIVERED.clear();
        try {
            Date due = Date.from(Instant.now().plusSeconds(1));
            for (int i = 0; i < count; i++) {
                scheduler.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("ram-" + i, "bench").build(),
                        TriggerBuilder.newTrigger().withIdentity("ram-" + i, "bench").startAt(due).build());
            }
            long start = System.nanoTime();
            scheduler.start();
            long took = awaitAll(CountingJob.DELIVERED, count, Duration.ofSeconds(60), start);
            if (CountingJob.DELIVERED.size() < count) {
                throw new IllegalStateException("RAMJobStore delivered only " + CountingJob.DELIVERED.size() + " of " + count);
            }
            return took;
        } finally {
            scheduler.shutdown(false);
        }
    }
}
