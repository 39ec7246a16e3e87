package dev.ecabot.app;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.engine.ConversationEngine;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.outbox.Outbox;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.reminders.ChatReminderDelivery;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.digest.Digests;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.settings.Settings;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bot assembled from its environment, for any chat platform's port: the database (ECABOT_DB_URL, else H2
 * under the data directory), the playbooks, the orgs of ecabot.yaml (plus the in-process demo org when none is
 * configured), the vault (ECABOT_MASTER_KEY, else a key file in the data directory), the provisioning saga and
 * the conversation engine with its roles, approval policy and reminder leads from ecabot.yaml, and the reminder
 * scheduler (Quartz on the same database; reminders missed while stopped arrive late, once). Nothing talks to
 * a chat platform until {@link #begin()}, called once the platforms are registered: then reminders fire,
 * provisioning cut short by a stop is resumed (by exactly one instance: see {@code ProvisioningLeases}), idle
 * conversations are swept every minute, and, on one node at a time, undecided approval requests and unrevealed
 * secrets are expired every minute. Close it to stop everything it started.
 */
public final class BotRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

    private final Services services;
    private final Database db;
    private final ScheduledExecutorService sweeper;
    private final ConversationEngine engine;
    private final Reminders reminders;
    private final ProvisioningLeases leases;
    /** Registers the housekeeping tasks with the scheduler, once it exists. */
    private final Runnable housekeeping;
    private Outbox outbox;
    private OrgRegistry orgs;
    private SalesforceClients clients;
    private volatile CompletableFuture<Void> beginning;
    /** The orgs' sign-in check, when the terminal made it after its first prompt. */
    private volatile CompletableFuture<?> signingIn;

    private BotRuntime(Services services, ScheduledExecutorService sweeper,
                       ConversationEngine engine, Reminders reminders, ProvisioningLeases leases, Runnable housekeeping) {
        this.services = services;
        this.db = services.database();
        this.sweeper = sweeper;
        this.engine = engine;
        this.reminders = reminders;
        this.leases = leases;
        this.housekeeping = housekeeping;
    }

    /**
     * Starts the bot talking through {@code port}; {@code background} runs provisioning (its owner shuts it
     * down). {@code dataDir} holds the default H2 database and master key file. Roles come from the {@code roles}
     * section of ecabot.yaml, else {@code zeroConfigRoles}. Reads ecabot.yaml from {@code env}: for tests and
     * embedders; the commands pass the {@link Settings} they already read.
     */
    public static BotRuntime start(ChatPort port, ExecutorService background, Path dataDir, Map<String, String> env,
                                   RolesConfig zeroConfigRoles) {
        return start(port, background, Settings.load(env).withDataDir(dataDir), zeroConfigRoles);
    }

    /** As {@link #start(ChatPort, ExecutorService, Path, Map, RolesConfig)}, with settings already read. */
    public static BotRuntime start(ChatPort port, ExecutorService background, Settings settings, RolesConfig zeroConfigRoles) {
        return start(port, background, settings, zeroConfigRoles, false);
    }

    /**
     * As {@link #start}, for chat platforms reached over the network (Slack, Teams): everything the bot sends goes
     * through the durable outbox (table chat_outbox), sent once {@link #begin()} is called, retried when the
     * platform rate-limits or fails, and given up only after a while, telling the addressee and the admins.
     */
    public static BotRuntime startServing(ChatPort port, ExecutorService background, Path dataDir, Map<String, String> env,
                                          RolesConfig zeroConfigRoles) {
        return startServing(port, background, Settings.load(env).withDataDir(dataDir), zeroConfigRoles);
    }

    /** As {@link #startServing(ChatPort, ExecutorService, Path, Map, RolesConfig)}, with settings already read. */
    public static BotRuntime startServing(ChatPort port, ExecutorService background, Settings settings,
                                          RolesConfig zeroConfigRoles) {
        return start(port, background, settings, zeroConfigRoles, true);
    }

    private static BotRuntime start(ChatPort platforms, ExecutorService background, Settings settings,
                                    RolesConfig zeroConfigRoles, boolean throughOutbox) {
        Map<String, String> env = settings.environment();
        EcabotConfig config = settings.config();
        Services services = new Services(settings);
        Reminders reminders = null;
        ProvisioningLeases leases = null;
        Outbox outbox = null;
        try {
            // Start-up's two big independent jobs run side by side: reading and schema-checking the playbooks (and the
            // posture rules beside them) on one thread while the database opens, migrates and checks the master key
            // on this one. Nothing else touches the playbooks until the join below.
            CompletableFuture<PlaybookCatalog> playbooksLoading = CompletableFuture.supplyAsync(() -> {
                PlaybookCatalog loaded = services.playbooks();
                // Posture rules: shipped, plus the admin's posture/rules.yaml beside their playbooks; the org blocks from config.
                services.installPosturePolicy();
                return loaded;
            }, BotRuntime::onDaemonThread);
            Database db;
            MasterKey key;
            try {
                db = services.database();
                key = services.masterKey();
            } catch (RuntimeException e) {
                // A broken playbook is reported first, as when playbooks were read before the database.
                RuntimeException playbookProblem = failureOf(playbooksLoading);
                if (playbookProblem != null) {
                    playbookProblem.addSuppressed(e);
                    throw playbookProblem;
                }
                throw e;
            }
            PlaybookCatalog playbooks = joined(playbooksLoading);
            OrgRegistry orgs = services.orgs();
            Clock clock = Clock.systemUTC();
            RevealOffers offers = new RevealOffers(db.dataSource(), key, new AuditTrail(db.dataSource()));
            SalesforceClients clients = services.clients();
            ProvisioningSaga saga = services.saga(clock);
            AccessPolicy access = new AccessPolicy(config.roles(zeroConfigRoles));
            if (throughOutbox) {
                outbox = new Outbox(platforms, db.dataSource(), Outbox.Settings.defaults().withAdmins(() -> admins(access))
                        .withClaim(outboxClaimOf(env)));
                if (settings.database().embedded()) outbox.forgetClaimsOfEarlierProcesses();
            }
            ChatPort port = outbox != null ? outbox : platforms;
            // A playbook that says approval_required needs at least one approval wherever it runs.
            ApprovalPolicyConfig approvalPolicy = services.approvalPolicy();
            // Reminders share the bot's database (Quartz JDBC store); deliveries go out through the same port. Quartz
            // itself is created by begin() (the terminal's after its first prompt: it is a noticeable part of a start);
            // a reminder scheduled before then waits in the database for it. A server creates it now, so a database
            // Quartz cannot use stops it before it listens.
            Approvals approvals = new Approvals(db.dataSource(), approvalPolicy, access, new AuditTrail(db.dataSource()),
                    clock);
            reminders = Reminders.openLater(db, new ChatReminderDelivery(port, approvals, offers,
                    new dev.ecabot.inventory.AppOwners(db.dataSource())), RemindersSettings.defaults());
            if (throughOutbox) reminders.connect();
            leases = new ProvisioningLeases(db.dataSource(), clock, leaseOf(env));
            if (settings.database().embedded()) leases.forgetClaimsOfEarlierProcesses(); // nobody else can have this database open
            OrgClients orgClients = OrgClients.of(orgs, clients);
            ConversationEngine engine = ConversationEngine.builder()
                    .port(port)
                    .dataSource(db.dataSource())
                    .playbooks(playbooks)
                    .orgs(dev.ecabot.conversation.dialogue.OrgDirectory.of(orgs)) // names and API versions
                    .provisioner(saga)
                    .revealOffers(offers)
                    .access(access)
                    .approvals(approvals)
                    .reminders(reminders, config.reminderPlans())
                    .orgClients(orgClients)
                    .leases(leases)
                    .settings(EngineSettings.builder().clock(clock).background(background).build())
                    .build();
            Reminders scheduler = reminders;
            Runnable housekeeping = () -> {
                // Cluster-safe: Quartz runs each housekeeping task on one node at a time.
                scheduler.every("expire-approval-requests", Duration.ofMinutes(1), () -> expireApprovals(engine));
                scheduler.every("expire-reveal-offers", Duration.ofMinutes(1), () -> expireRevealOffers(engine));
                // Leases make this safe on every node at once; it picks up what an instance that died left behind.
                scheduler.every("resume-provisioning", Duration.ofSeconds(30), () -> resume(engine));
                // The weekly digest (inventory.digest in ecabot.yaml): Quartz runs it on one node of the cluster.
                InventorySettings.Digest digest = config.inventory().digest();
                if (digest.enabled()) {
                    Digests digests = new Digests(db.dataSource(), orgClients, scheduler, clock);
                    scheduler.onSchedule("weekly-digest", digest.schedule(), digest.zone(), () -> digests.sendScheduled(port));
                }
            };
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ecabot-expiry");
                t.setDaemon(true);
                return t;
            });
            BotRuntime runtime = new BotRuntime(services, sweeper, engine, reminders, leases, housekeeping);
            runtime.outbox = outbox;
            runtime.orgs = orgs;
            runtime.clients = clients;
            return runtime;
        } catch (RuntimeException e) {
            if (outbox != null) outbox.close();
            if (leases != null) leases.close();
            if (reminders != null) reminders.close();
            services.close();
            throw e;
        }
    }

    /**
     * Starts the work that talks to people on its own: reminders, the sweeps, and the recovery of provisioning cut
     * short by a stop (at once, then every 30 seconds). Call it once the chat platforms are registered, so nothing
     * is sent to a platform that is not there yet. Never fails because of old work: a request that cannot be
     * resumed is reported to its requester and logged.
     */
    public void begin() {
        startScheduling();
        resume(engine);
    }

    private void startScheduling() {
        if (outbox != null) outbox.start(); // what an earlier run left unsent goes out first, in order
        reminders.connect();
        housekeeping.run();
        reminders.start(); // then the triggers of reminders scheduled before the scheduler existed
        sweeper.scheduleWithFixedDelay(() -> sweep(engine), 1, 1, TimeUnit.MINUTES);
    }

    /**
     * As {@link #begin()}, for the terminal, whose first prompt does not wait for the reminder scheduler: it is
     * created and started on a background thread (re-creating missing triggers, then delivering what fell due while
     * the bot was stopped, once each, flagged late). Conversations can start at once: a reminder they schedule
     * meanwhile waits in the database and is given its trigger, once, when the scheduler starts. Provisioning cut short by a stop is still resumed here,
     * before the prompt, so its person sees it finish first, as before. The answer completes when the scheduler
     * runs, or exceptionally with why not (also logged).
     */
    public CompletableFuture<Void> beginInBackground() {
        return beginInBackground(BotRuntime::onDaemonThread);
    }

    /** As {@link #beginInBackground()}, the scheduler created and started by {@code starter} (tests hold it). */
    CompletableFuture<Void> beginInBackground(java.util.concurrent.Executor starter) {
        CompletableFuture<Void> begun = new CompletableFuture<>();
        beginning = begun;
        starter.execute(() -> {
            try {
                startScheduling();
                begun.complete(null);
            } catch (RuntimeException e) {
                LOG.error("Could not start reminders and the housekeeping tasks", e);
                begun.completeExceptionally(e);
            }
        });
        resume(engine);
        return begun;
    }

    /** Whether {@link #beginInBackground()} is still starting the scheduler. */
    public boolean schedulerStarting() {
        CompletableFuture<Void> begun = beginning;
        return begun != null && !begun.isDone();
    }

    /** Whether reminders and the housekeeping tasks fire (for /readyz). */
    public boolean schedulerRunning() {
        return reminders.running();
    }

    /**
     * The checks of this bot's own parts (database, reminder scheduler), as /readyz and the terminal make them. A
     * scheduler still starting in the background ({@link #beginInBackground()}) is not a problem yet.
     */
    public dev.ecabot.app.health.Readiness checkDatabaseAndScheduler(dev.ecabot.app.health.Readiness readiness) {
        return readiness.check("database", dev.ecabot.app.health.ReadinessChecks.database(db))
                .check("scheduler", dev.ecabot.app.health.ReadinessChecks.scheduler(
                        () -> schedulerStarting() || schedulerRunning()));
    }

    /** Adds a sign-in check for each org people can pick (the terminal says at start which one fails, and why). */
    public dev.ecabot.app.health.Readiness checkOrgSignIns(dev.ecabot.app.health.Readiness readiness) {
        return dev.ecabot.app.health.ReadinessChecks.signInToEveryOrg(readiness, orgs, clients);
    }

    /**
     * The sign-in check of each org people can pick, made on a background thread (the demo org's starts its
     * in-process emulator and the HTTPS client: the terminal's first prompt need not wait for that). The answer is
     * each problem, in words; closing the bot waits for the check first.
     */
    public CompletableFuture<java.util.List<String>> checkOrgSignInsInBackground() {
        CompletableFuture<java.util.List<String>> problems = new CompletableFuture<>();
        signingIn = problems;
        onDaemonThread(() -> {
            try {
                dev.ecabot.app.health.Readiness readiness = checkOrgSignIns(new dev.ecabot.app.health.Readiness());
                readiness.started();
                problems.complete(readiness.problems());
            } catch (RuntimeException e) {
                LOG.error("Could not check the sign-in to the orgs", e);
                problems.completeExceptionally(e);
            }
        });
        return problems;
    }

    public ConversationEngine engine() {
        return engine;
    }

    /** The bot's database, for adapters that keep their own tables (Slack's processed event ids). */
    public Database database() {
        return db;
    }

    /** The bot's admins named one by one in the roles (groups and whole platforms are not messaged). */
    private static java.util.List<dev.ecabot.conversation.ChatUser> admins(AccessPolicy access) {
        return access.grantees(dev.ecabot.access.Role.ADMIN).stream()
                .filter(g -> g.kind() == dev.ecabot.access.Grantee.Kind.USER)
                .map(g -> new dev.ecabot.conversation.ChatUser(g.platform(), g.id(), g.id(), null)).toList();
    }

    /** The outbox, when the bot serves chat platforms over the network; null for the terminal. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * How long a claim on a provisioning request lasts without renewal: ECABOT_PROVISIONING_LEASE (e.g. "2m" or
     * "PT30S"; at least 3 seconds), default 60 seconds. After a crash, another instance resumes the request this long
     * after the last renewal.
     */
    static Duration leaseOf(Map<String, String> env) {
        String value = env.get("ECABOT_PROVISIONING_LEASE");
        if (value == null || value.isBlank()) return ProvisioningLeases.DEFAULT_LEASE;
        Duration lease = dev.ecabot.duration.Durations.parse(value.strip(), "ECABOT_PROVISIONING_LEASE");
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new dev.ecabot.settings.error.InvalidSettingException("ECABOT_PROVISIONING_LEASE must be at least 3 seconds (PT3S); got '" + value + "'");
        }
        return lease;
    }

    /**
     * How long an instance holds a message it is sending: ECABOT_OUTBOX_CLAIM (e.g. "PT30S"; at least 5 seconds),
     * default 2 minutes. After a crash another instance sends the message this long after the last renewal; a
     * shorter claim risks a slow send being sent twice.
     */
    static Duration outboxClaimOf(Map<String, String> env) {
        String value = env.get("ECABOT_OUTBOX_CLAIM");
        if (value == null || value.isBlank()) return Outbox.Settings.defaults().claim();
        Duration claim = dev.ecabot.duration.Durations.parse(value.strip(), "ECABOT_OUTBOX_CLAIM");
        if (claim.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new dev.ecabot.settings.error.InvalidSettingException("ECABOT_OUTBOX_CLAIM must be at least 5 seconds (PT5S); got '" + value + "'");
        }
        return claim;
    }

    private static void expireApprovals(ConversationEngine engine) {
        int expired = engine.expireApprovals();
        if (expired > 0) LOG.info("Expired {} approval request(s) nobody decided in time", expired);
    }

    private static void expireRevealOffers(ConversationEngine engine) {
        int expired = engine.expireRevealOffers();
        if (expired > 0) LOG.info("Destroyed {} unrevealed secret(s) whose offer expired", expired);
    }

    private static void resume(ConversationEngine engine) {
        try {
            int resumed = engine.resumeInterruptedProvisioning();
            if (resumed > 0) LOG.info("Resumed {} provisioning request(s) cut short by a stop", resumed);
        } catch (RuntimeException e) {
            LOG.error("Looking for provisioning to resume failed; will look again in 30 seconds", e);
        }
    }

    private static void sweep(ConversationEngine engine) {
        try {
            engine.expireIdleConversations();
        } catch (RuntimeException e) {
            LOG.warn("Expiring idle conversations failed; will retry in a minute: {}", e.getMessage());
        }
    }

    private static void onDaemonThread(Runnable work) {
        Thread t = new Thread(work, "ecabot-start-up");
        t.setDaemon(true);
        t.start();
    }

    private static void awaitQuietly(CompletableFuture<?> work) {
        if (work == null) return;
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // already logged; close what did start
        }
    }

    /** The value of {@code loading}, its failure rethrown as it was thrown. */
    private static <T> T joined(CompletableFuture<T> loading) {
        RuntimeException failure = failureOf(loading);
        if (failure != null) throw failure;
        return loading.join();
    }

    /** Waits for {@code loading}; its failure as thrown (null when it succeeded). */
    private static RuntimeException failureOf(CompletableFuture<?> loading) {
        try {
            loading.get();
            return null;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) return r;
            if (e.getCause() instanceof Error err) throw err;
            return new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted while reading the playbooks", e);
        }
    }

    @Override
    public void close() {
        // Let work in the background finish first: the scheduler cannot be stopped halfway through starting, and
        // the demo org not closed under its sign-in check.
        awaitQuietly(beginning);
        awaitQuietly(signingIn);
        sweeper.shutdownNow();
        if (outbox != null) outbox.close(); // unsent messages stay in the database for the next start
        leases.close(); // requests still running here are taken over by the next instance once their lease ends
        reminders.close(); // scheduled reminders stay in the database for the next start

        services.close(); // the demo org, then the database
    }
}
