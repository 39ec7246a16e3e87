package dev.ecabot.app;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.ConfigLoader;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ConversationEngine;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.outbox.Outbox;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.reminders.ChatReminderDelivery;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.conversation.dialogue.SagaProvisioner;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.digest.Digests;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.store.DataDirectory;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.VaultCanary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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

    private final Database db;
    private final InProcessDemoOrg demo;
    private final ScheduledExecutorService sweeper;
    private final ConversationEngine engine;
    private final Reminders reminders;
    private final ProvisioningLeases leases;
    private Outbox outbox;
    private OrgRegistry orgs;
    private SalesforceClients clients;

    private BotRuntime(Database db, InProcessDemoOrg demo, ScheduledExecutorService sweeper,
                       ConversationEngine engine, Reminders reminders, ProvisioningLeases leases) {
        this.db = db;
        this.demo = demo;
        this.sweeper = sweeper;
        this.engine = engine;
        this.reminders = reminders;
        this.leases = leases;
    }

    /**
     * Starts the bot talking through {@code port}; {@code background} runs provisioning (its owner shuts it
     * down). {@code dataDir} holds the default H2 database and master key file. Roles come from the {@code roles}
     * section of ecabot.yaml, else {@code zeroConfigRoles}.
     */
    public static BotRuntime start(ChatPort port, ExecutorService background, Path dataDir, Map<String, String> env,
                                   RolesConfig zeroConfigRoles) {
        return start(port, background, dataDir, env, zeroConfigRoles, false);
    }

    /**
     * As {@link #start}, for chat platforms reached over the network (Slack, Teams): everything the bot sends goes
     * through the durable outbox (table chat_outbox), sent once {@link #begin()} is called, retried when the
     * platform rate-limits or fails, and given up only after a while, telling the addressee and the admins.
     */
    public static BotRuntime startServing(ChatPort port, ExecutorService background, Path dataDir, Map<String, String> env,
                                          RolesConfig zeroConfigRoles) {
        return start(port, background, dataDir, env, zeroConfigRoles, true);
    }

    private static BotRuntime start(ChatPort platforms, ExecutorService background, Path dataDir, Map<String, String> env,
                                    RolesConfig zeroConfigRoles, boolean throughOutbox) {
        PlaybookCatalog playbooks = PlaybookCatalog.load(env); // the same environment as the rest of the settings
        EcabotConfig config = ConfigLoader.fromEnvironment(env);
        boolean usesDataDir = !env.containsKey("ECABOT_DB_URL") || !env.containsKey(MasterKey.ENV_VAR);
        if (usesDataDir) DataDirectory.prepare(dataDir); // owner-only, or refused with the fix
        // Posture rules: shipped, plus the admin's posture/rules.yaml beside their playbooks; the org blocks from config.
        PosturePolicy.install(PosturePolicy.fromEnvironment(env, config.inventory()));
        Database db = env.containsKey("ECABOT_DB_URL") ? Database.open(env.get("ECABOT_DB_URL"),
                env.get("ECABOT_DB_USER"), env.get("ECABOT_DB_PASSWORD"))
                : Database.open("jdbc:h2:file:" + dataDir.resolve("ecabot").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
        if (usesDataDir) DataDirectory.tightenFiles(dataDir.toAbsolutePath()); // the files H2 just created
        InProcessDemoOrg demo = new InProcessDemoOrg();
        Reminders reminders = null;
        ProvisioningLeases leases = null;
        Outbox outbox = null;
        try {
            OrgRegistry orgs = OrgRegistry.of(config, env, demo);
            MasterKey key = MasterKey.load(env, VaultCanary.refuseNewKeyFile(db.dataSource(), env, dataDir.resolve("master.key")));
            VaultCanary.check(db.dataSource(), key, MasterKey.describeSource(env, dataDir.resolve("master.key")));
            demo.keepStateIn(() -> new DemoOrgStateStore(db.dataSource(), key)); // the demo org survives restarts
            Clock clock = Clock.systemUTC();
            RevealOffers offers = new RevealOffers(db.dataSource(), key, new AuditTrail(db.dataSource()));
            SalesforceClients clients = new SalesforceClients();   // one per process: each org's token cached once
            ProvisioningSaga saga = ProvisioningSaga.onDatabase(orgs, clients, db.dataSource(), clock);
            AccessPolicy access = new AccessPolicy(config.roles(zeroConfigRoles));
            if (throughOutbox) {
                outbox = new Outbox(platforms, db.dataSource(), Outbox.Settings.defaults().withAdmins(() -> admins(access))
                        .withClaim(outboxClaimOf(env)));
                if (embeddedDatabase(env)) outbox.forgetClaimsOfEarlierProcesses();
            }
            ChatPort port = outbox != null ? outbox : platforms;
            // A playbook that says approval_required needs at least one approval wherever it runs.
            ApprovalPolicyConfig approvalPolicy = config.approvals().requiringApprovalFor(playbooks.idsRequiringApproval());
            // Reminders share the bot's database (Quartz JDBC store); deliveries go out through the same port.
            Approvals approvals = new Approvals(db.dataSource(), approvalPolicy, access, new AuditTrail(db.dataSource()),
                    clock);
            reminders = Reminders.open(db, new ChatReminderDelivery(port, approvals, offers,
                    new dev.ecabot.inventory.AppOwners(db.dataSource())), RemindersSettings.defaults());
            leases = new ProvisioningLeases(db.dataSource(), clock, leaseOf(env));
            if (embeddedDatabase(env)) leases.forgetClaimsOfEarlierProcesses(); // nobody else can have this database open
            OrgClients orgClients = OrgClients.of(orgs, clients);
            ConversationEngine engine = ConversationEngine.builder()
                    .port(port)
                    .dataSource(db.dataSource())
                    .playbooks(playbooks)
                    .orgs(dev.ecabot.conversation.dialogue.OrgDirectory.of(orgs)) // names and API versions
                    .provisioner(new SagaProvisioner(saga))
                    .revealOffers(offers)
                    .access(access)
                    .approvals(approvals)
                    .reminders(reminders, config.reminderPlans())
                    .orgClients(orgClients)
                    .leases(leases)
                    .settings(EngineSettings.builder().clock(clock).background(background).build())
                    .build();
            // Cluster-safe: Quartz runs each housekeeping task on one node at a time.
            reminders.every("expire-approval-requests", Duration.ofMinutes(1), () -> expireApprovals(engine));
            reminders.every("expire-reveal-offers", Duration.ofMinutes(1), () -> expireRevealOffers(engine));
            // Leases make this safe on every node at once; it picks up what an instance that died left behind.
            reminders.every("resume-provisioning", Duration.ofSeconds(30), () -> resume(engine));
            // The weekly digest (inventory.digest in ecabot.yaml): Quartz runs it on one node of the cluster.
            InventorySettings.Digest digest = config.inventory().digest();
            if (digest.enabled()) {
                Digests digests = new Digests(db.dataSource(), orgClients, reminders, clock);
                reminders.onSchedule("weekly-digest", digest.schedule(), digest.zone(), () -> digests.sendScheduled(port));
            }
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ecabot-expiry");
                t.setDaemon(true);
                return t;
            });
            BotRuntime runtime = new BotRuntime(db, demo, sweeper, engine, reminders, leases);
            runtime.outbox = outbox;
            runtime.orgs = orgs;
            runtime.clients = clients;
            return runtime;
        } catch (RuntimeException e) {
            if (outbox != null) outbox.close();
            if (leases != null) leases.close();
            if (reminders != null) reminders.close();
            demo.close();
            db.close();
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
        if (outbox != null) outbox.start(); // what an earlier run left unsent goes out first, in order
        reminders.start();
        sweeper.scheduleWithFixedDelay(() -> sweep(engine), 1, 1, TimeUnit.MINUTES);
        resume(engine);
    }

    /** Whether reminders and the housekeeping tasks fire (for /readyz). */
    public boolean schedulerRunning() {
        return reminders.running();
    }

    /** The checks of this bot's own parts (database, reminder scheduler), as /readyz and the terminal make them. */
    public dev.ecabot.app.health.Readiness checkDatabaseAndScheduler(dev.ecabot.app.health.Readiness readiness) {
        return readiness.check("database", dev.ecabot.app.health.ReadinessChecks.database(db))
                .check("scheduler", dev.ecabot.app.health.ReadinessChecks.scheduler(this::schedulerRunning));
    }

    /** Adds a sign-in check for each org people can pick (the terminal says at start which one fails, and why). */
    public dev.ecabot.app.health.Readiness checkOrgSignIns(dev.ecabot.app.health.Readiness readiness) {
        return dev.ecabot.app.health.ReadinessChecks.signInToEveryOrg(readiness, orgs, clients);
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
        Duration lease = dev.ecabot.config.ConfigDurations.parse(value.strip(), "ECABOT_PROVISIONING_LEASE");
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("ECABOT_PROVISIONING_LEASE must be at least 3 seconds (PT3S); got '" + value + "'");
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
        Duration claim = dev.ecabot.config.ConfigDurations.parse(value.strip(), "ECABOT_OUTBOX_CLAIM");
        if (claim.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("ECABOT_OUTBOX_CLAIM must be at least 5 seconds (PT5S); got '" + value + "'");
        }
        return claim;
    }

    /** The embedded H2 database (the default, or an H2 file or in-memory URL): one process at a time opens it. */
    private static boolean embeddedDatabase(Map<String, String> env) {
        String url = env.get("ECABOT_DB_URL");
        return url == null || url.startsWith("jdbc:h2:file:")
                || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~");
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

    @Override
    public void close() {
        sweeper.shutdownNow();
        if (outbox != null) outbox.close(); // unsent messages stay in the database for the next start
        leases.close(); // requests still running here are taken over by the next instance once their lease ends
        reminders.close(); // scheduled reminders stay in the database for the next start

        demo.close();
        db.close();
    }
}
