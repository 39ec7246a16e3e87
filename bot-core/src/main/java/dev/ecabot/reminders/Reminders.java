package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.Database;
import dev.ecabot.store.SqlWork;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable reminders: each one is a row in {@code reminders} plus a Quartz trigger in the same database, so it
 * survives restarts and, on PostgreSQL, fires on exactly one node of a cluster. A reminder missed while the bot
 * was down fires once on start, flagged late. Delivery is recorded in the same transaction that row-locks the
 * reminder, so a second firing finds it delivered and does nothing. Thread-safe; {@link #close()} at shutdown.
 * <p>
 * The Quartz scheduler can be created after the reminders are handed out ({@link #openLater}, then {@link #connect()}):
 * creating it is a noticeable part of a start, and the terminal's first prompt need not wait for it. A reminder
 * scheduled before then is stored at once and gets its trigger when {@link #start()} re-creates the missing ones;
 * what needs the scheduler itself (cancelling, housekeeping) waits for it.
 */
public final class Reminders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final String GROUP = "reminders";
    private static final String HOUSEKEEPING = "housekeeping";

    private final Database database;
    private final ReminderDelivery delivery;
    private final RemindersSettings settings;
    private final ReminderStore store = new ReminderStore();
    /** Quartz, once {@link #connect()} created it (or why it could not). */
    private final java.util.concurrent.CompletableFuture<Scheduler> scheduler = new java.util.concurrent.CompletableFuture<>();
    /**
     * Held while a reminder's first trigger is made, by {@link #schedule} and by {@link #start()}'s re-creation of
     * missing triggers, so the two never both make one for the same reminder (it would be delivered once but fire twice).
     */
    private final Object firstTriggers = new Object();
    private final Map<String, Runnable> housekeeping = new ConcurrentHashMap<>();
    private final Map<ReminderKind, Recurrence> recurrences = new ConcurrentHashMap<>();

    private Reminders(Database database, ReminderDelivery delivery, RemindersSettings settings) {
        this.database = database;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** Connects to the job store in {@code database}; nothing fires until {@link #start()}. */
    public static Reminders open(Database database, ReminderDelivery delivery, RemindersSettings settings) {
        Reminders reminders = openLater(database, delivery, settings);
        reminders.connect();
        return reminders;
    }

    /**
     * Reminders on {@code database} whose scheduler is not created yet: call {@link #connect()} (or {@link #start()},
     * which connects first) when there is time for it. Reminders can be scheduled meanwhile.
     */
    public static Reminders openLater(Database database, ReminderDelivery delivery, RemindersSettings settings) {
        return new Reminders(database, delivery, settings);
    }

    /**
     * Creates the Quartz scheduler on the job store in {@code database} (once; later calls do nothing); nothing fires
     * until {@link #start()}. A failure is thrown here and to everything that waits for the scheduler.
     */
    public synchronized void connect() {
        if (scheduler.isDone()) {
            try {
                scheduler.join();
            } catch (java.util.concurrent.CompletionException e) { // why an earlier attempt failed, or closed
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return;
        }
        try {
            Scheduler created = QuartzSetup.create(database, settings);
            created.getContext().put(ReminderJob.CONTEXT_KEY, this);
            created.getContext().put(HousekeepingJob.CONTEXT_KEY, housekeeping);
            if (!scheduler.complete(created)) created.shutdown(false); // closed (or connected) meanwhile
        } catch (SchedulerException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException(
                    "Could not start the reminder scheduler on the bot's database: " + e.getMessage(), e);
            scheduler.completeExceptionally(failure);
            throw failure;
        }
    }

    /**
     * Starts firing: due and overdue reminders go out (overdue ones once, flagged late). First creates the scheduler
     * if {@link #connect()} has not, then the trigger of any scheduled reminder that has none (one scheduled before
     * the scheduler existed, or a crash between saving a reminder and scheduling it).
     */
    public void start() {
        connect();
        try {
            for (Reminder r : list("1 = 1")) {
                synchronized (firstTriggers) {
                    if (!scheduler().checkExists(JobKey.jobKey(r.id(), GROUP))) {
                        // scheduled before the scheduler existed, or a crash between saving it and scheduling it
                        log.info("Reminder {} had no trigger; scheduling it", r.id());
                        scheduleTrigger(r.id(), r.dueAt(), "due-" + UUID.randomUUID());
                    }
                }
            }
            scheduler().start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the reminder scheduler: " + e.getMessage(), e);
        }
    }

    /** Schedules {@code reminder}; false (and nothing changes) if one with its id was already scheduled. */
    public boolean schedule(Reminder reminder) {
        boolean inserted = SqlWork.inTransaction(database.dataSource(), "schedule a reminder",
                c -> store.insert(c, reminder));
        if (!inserted) return false;
        // No scheduler yet: the reminder waits in the database, and start() (which comes after the scheduler is
        // created, and lists the reminders after that) makes its trigger.
        if (!scheduler.isDone()) return true;
        if (scheduler.isCompletedExceptionally()) {
            log.warn("Reminder {} waits in the database for the next start: the reminder scheduler could not start",
                    reminder.id());
            return true;
        }
        try {
            synchronized (firstTriggers) {
                // start() may have found it without a trigger and made one already
                if (!scheduler().checkExists(JobKey.jobKey(reminder.id(), GROUP))) {
                    scheduleTrigger(reminder.id(), reminder.dueAt(), "due");
                }
            }
        } catch (SchedulerException e) {
            cancel(reminder.id());
            throw new IllegalStateException("Could not schedule reminder " + reminder.id() + ": " + e.getMessage(), e);
        }
        return true;
    }

    /**
     * Reminders of {@code kind} repeat as {@code recurrence} says (register it on every node, before {@link #start()});
     * a kind without one is delivered once.
     */
    public void recurring(ReminderKind kind, Recurrence recurrence) {
        recurrences.put(kind, recurrence);
    }

    /** Cancels the scheduled reminders of one kind about an app (their cause is gone); returns how many. */
    public int cancelApp(String org, String apiName, ReminderKind kind) {
        List<String> ids = SqlWork.inTransaction(database.dataSource(), "cancel an app's reminders",
                c -> store.cancel(c, "org = ? AND api_name = ? AND kind = ?", org, apiName, kind.name()));
        ids.forEach(this::deleteJob);
        return ids.size();
    }

    /** Scheduled reminders addressed to {@code user} personally (as requester or as the app's owner), soonest first. */
    public List<Reminder> forUser(ChatUserRef user) {
        return list("recipient_type IN ('REQUESTER', 'OWNER') AND recipient = ?", user.toString());
    }

    /**
     * An app changed owner: its scheduled owner reminders are addressed to {@code owner} from now on. Runs in the
     * caller's transaction (the one recording the owner), so both change together; returns how many moved.
     */
    public static int moveToOwner(java.sql.Connection c, String org, String apiName, ChatUserRef owner)
            throws java.sql.SQLException {
        return new ReminderStore().readdressOwner(c, org, apiName, owner.toString());
    }

    /** Scheduled reminders about anything in {@code org}, soonest first. */
    public List<Reminder> forOrg(String org) {
        return list("org = ?", org);
    }

    /** Scheduled reminders about one app, soonest first. */
    public List<Reminder> forApp(String org, String apiName) {
        return list("org = ? AND api_name = ?", org, apiName);
    }

    /** Cancels every scheduled reminder of an app (it was deleted); returns how many. */
    public int cancelApp(String org, String apiName) {
        List<String> ids = SqlWork.inTransaction(database.dataSource(), "cancel an app's reminders",
                c -> store.cancel(c, "org = ? AND api_name = ?", org, apiName));
        ids.forEach(this::deleteJob);
        return ids.size();
    }

    /** Cancels one reminder; false if it was not scheduled (already delivered, cancelled or unknown). */
    public boolean cancel(String reminderId) {
        List<String> ids = SqlWork.inTransaction(database.dataSource(), "cancel a reminder",
                c -> store.cancel(c, "reminder_id = ?", reminderId));
        ids.forEach(this::deleteJob);
        return !ids.isEmpty();
    }

    /**
     * Runs {@code task} every {@code interval} on one node of the cluster at a time (e.g. the sweeps that expire
     * reveal offers and approval requests). Every node should register the same tasks; runs missed while the bot
     * was down are skipped, not caught up.
     */
    public void every(String name, Duration interval, Runnable task) {
        housekeeping.put(name, task);
        JobKey key = JobKey.jobKey(name, HOUSEKEEPING);
        JobDetail job = JobBuilder.newJob(HousekeepingJob.class).withIdentity(key)
                .usingJobData(HousekeepingJob.TASK_NAME, name).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, HOUSEKEEPING).forJob(key)
                .startAt(Date.from(Instant.now().plus(interval)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            // Keep a trigger already scheduled at this interval: replacing it at every start would postpone the
            // task on every restart (and on a cluster at every instance's start), so it might never run.
            Trigger existing = scheduler().getTrigger(trigger.getKey());
            if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()) return;
            scheduler().scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule housekeeping task " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether the scheduler runs (started, not stopped): reminders and housekeeping fire. */
    public boolean running() {
        try {
            Scheduler quartz = scheduler.isDone() && !scheduler.isCompletedExceptionally() ? scheduler.join() : null;
            return quartz != null && quartz.isStarted() && !quartz.isShutdown() && !quartz.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Runs {@code task} on a Quartz cron schedule in {@code zone} (e.g. the weekly digest, "0 0 9 ? * MON"), on one
     * node of the cluster per firing. A run missed while every node was down is done once at the next start. A
     * changed schedule replaces the stored one.
     */
    public void onSchedule(String name, String cron, java.time.ZoneId zone, Runnable task) {
        housekeeping.put(name, task);
        JobKey key = JobKey.jobKey(name, HOUSEKEEPING);
        JobDetail job = JobBuilder.newJob(HousekeepingJob.class).withIdentity(key)
                .usingJobData(HousekeepingJob.TASK_NAME, name).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, HOUSEKEEPING).forJob(key)
                .withSchedule(org.quartz.CronScheduleBuilder.cronSchedule(cron).inTimeZone(java.util.TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            Trigger existing = scheduler().getTrigger(trigger.getKey());
            if (existing instanceof org.quartz.CronTrigger c && c.getCronExpression().equals(cron)
                    && c.getTimeZone().toZoneId().equals(zone)) return;
            scheduler().scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule " + name + " (" + cron + "): " + e.getMessage(), e);
        }
    }

    /** Stops the scheduler, letting running deliveries finish; scheduled reminders stay in the database. */
    @Override
    public void close() {
        // Never created: whoever still waits for it learns it will not come.
        if (scheduler.completeExceptionally(new IllegalStateException("the reminders were closed"))) return;
        if (scheduler.isCompletedExceptionally()) return;
        try {
            scheduler.join().shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Reminder scheduler did not shut down cleanly: {}", e.toString());
        }
    }

    /** What a firing leaves to do after its transaction: retry it, or schedule the trigger of its next occurrence. */
    private record Fired(boolean retry, Reminder next) {
        static final Fired DONE = new Fired(false, null);
    }

    /**
     * Called by {@link ReminderJob}: delivers the reminder unless it was delivered or cancelled already. A recurring
     * one whose cause is gone is cancelled unsent; otherwise its next occurrence is stored with the "delivered" mark.
     */
    void fire(String reminderId, Instant firedAt) {
        // The reminder's message (an outbox row) commits with its "delivered" mark: both or neither.
        Fired fired = dev.ecabot.store.UnitOfWork.run(() -> SqlWork.inTransaction(database.dataSource(), "deliver a reminder", c -> {
            Optional<ReminderStore.Stored> stored = store.lock(c, reminderId);
            if (stored.isEmpty() || stored.get().state() != ReminderStore.State.SCHEDULED) return Fired.DONE;
            Reminder reminder = stored.get().reminder();
            boolean late = firedAt.isAfter(reminder.dueAt().plus(settings.lateAfter()));
            Recurrence recurrence = recurrences.get(reminder.kind());
            Reminder next = null;
            try {
                Optional<Reminder> toSend = recurrence == null ? Optional.of(reminder) : recurrence.now(reminder);
                if (toSend.isEmpty()) {
                    store.cancel(c, "reminder_id = ?", reminderId); // its cause is gone: nothing to say, no repeat
                    return Fired.DONE;
                }
                delivery.deliver(toSend.get(), late);
                if (recurrence != null) next = recurrence.next(reminder, Instant.now());
            } catch (Exception e) {
                log.warn("Reminder {} ({}) could not be delivered; retrying in {}: {}", reminderId, reminder.kind(),
                        settings.retryDelay(), e.toString());
                io.micrometer.core.instrument.Metrics.counter("ecabot.reminders.retries", "kind", reminder.kind().name())
                        .increment();
                return new Fired(true, null);
            }
            if (next != null && !store.insert(c, next)) next = null; // stored by an earlier firing already
            store.markDelivered(c, reminderId, Instant.now(), late);
            io.micrometer.core.instrument.Metrics.counter("ecabot.reminders.fired", "kind", reminder.kind().name(),
                    "late", Boolean.toString(late)).increment();
            return new Fired(false, next);
        }));
        try {
            if (fired.retry()) {
                scheduleTrigger(reminderId, Instant.now().plus(settings.retryDelay()), "retry-" + UUID.randomUUID());
            } else if (fired.next() != null) {
                // A crash before this line leaves the next row without a trigger: start() schedules it again.
                scheduleTrigger(fired.next().id(), fired.next().dueAt(), "due");
            }
        } catch (SchedulerException e) {
            log.error("Reminder {} could not be rescheduled: {}", fired.retry() ? reminderId : fired.next().id(), e.toString());
        }
    }

    private void scheduleTrigger(String reminderId, Instant at, String triggerName) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(reminderId, GROUP);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(reminderId + ":" + triggerName, GROUP)
                .startAt(Date.from(at))
                // Missed while the bot was down: fire once as soon as it is back.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .forJob(jobKey)
                .build();
        if (scheduler().checkExists(jobKey)) {
            scheduler().scheduleJob(trigger);
            return;
        }
        JobDetail job = JobBuilder.newJob(ReminderJob.class)
                .withIdentity(jobKey)
                .usingJobData(ReminderJob.REMINDER_ID, reminderId)
                .requestRecovery(true)   // a node dying mid-delivery: another node retries; the row lock prevents a double
                .build();
        try {
            scheduler().scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException raced) {
            scheduler().scheduleJob(trigger);
        }
    }

    private void deleteJob(String reminderId) {
        try {
            scheduler().deleteJob(JobKey.jobKey(reminderId, GROUP));
        } catch (SchedulerException e) {
            // The row says CANCELLED, so the job does nothing if it ever fires.
            log.warn("Could not remove the trigger of cancelled reminder {}: {}", reminderId, e.toString());
        }
    }

    /** The Quartz scheduler, waiting for {@link #connect()} to create it; why not when it could not. */
    private Scheduler scheduler() throws SchedulerException {
        try {
            return scheduler.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new SchedulerException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while waiting for the reminder scheduler", e);
        }
    }

    private List<Reminder> list(String where, String... params) {
        return SqlWork.inTransaction(database.dataSource(), "list reminders", c -> store.scheduled(c, where, params));
    }
}
