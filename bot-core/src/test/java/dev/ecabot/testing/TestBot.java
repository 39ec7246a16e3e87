package dev.ecabot.testing;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.reminders.ChatReminderDelivery;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.conversation.engine.ConversationEngine;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.DemoOrgProvider;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.salesforce.SignInMethod;
import dev.ecabot.vault.Secret;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole bot behind a {@link TestChat}: the real engine, the shipped playbooks, an in-memory database, the
 * vault's reveal offers, a hand-moved clock (starting 2026-03-02 10:12 UTC) and the provisioner the test gives
 * (the emulator-backed saga of {@link #onTheDemoOrg()}, or a recording double). {@link #restart()} builds a fresh engine on the same
 * database, as a restarted bot would be.
 */
public final class TestBot implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-02T10:12:00Z");

    private final Database db;
    private final AutoCloseable resources;
    private final MasterKey key = MasterKey.generate();
    private final AppProvisioner provisioner;
    private final OrgDirectory orgs;
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final TestChat chat = new TestChat();
    private final MutableClock clock = new MutableClock(START);
    /** Loaded once per test run: the shipped playbooks do not change between tests. */
    private static final PlaybookCatalog SHIPPED = PlaybookCatalog.load();
    private PlaybookCatalog catalog = SHIPPED;
    private Options options;
    private java.util.function.UnaryOperator<dev.ecabot.conversation.ChatPort> portAround = port -> port;
    private final OrgClients orgClients;
    private final EmulatedOrgs emulated;
    private Reminders reminders;
    private ConversationEngine engine;
    private ProvisioningLeases leases;

    /**
     * Who holds which role, the approval policy, and whether a reminder scheduler runs (opened on the bot's database,
     * started by {@link #startReminders()}, with {@link #REMINDER_TIMING}).
     */
    public record Options(RolesConfig roles, ApprovalPolicyConfig approvals, boolean reminders) {

        /** Everyone in the test chat is a requester; nobody approves or administers; the zero-config approval policy. */
        public static Options defaults() {
            return new Options(new RolesConfig(List.of(Grantee.parse(TestChat.PLATFORM + ":*")), List.of(), List.of()),
                    ApprovalPolicyConfig.zeroConfig(), false);
        }

        public Options withRoles(RolesConfig newRoles) {
            return new Options(newRoles, approvals, reminders);
        }

        public Options withApprovals(ApprovalPolicyConfig newApprovals) {
            return new Options(roles, newApprovals, reminders);
        }

        public Options withReminders() {
            return new Options(roles, approvals, true);
        }
    }

    /** Reminder timing for tests: quick misfire detection and retries, "late" 2 s after due. */
    public static final RemindersSettings REMINDER_TIMING = RemindersSettings.builder()
            .misfireThreshold(Duration.ofMillis(500)).lateAfter(Duration.ofSeconds(2)).retryDelay(Duration.ofMillis(300))
            .idleWaitTime(Duration.ofSeconds(1)).build();

    public TestBot(AppProvisioner provisioner, List<String> orgNames) {
        this(provisioner, orgNames, Options.defaults());
    }

    public TestBot(AppProvisioner provisioner, List<String> orgNames, Options options) {
        this(Database.inMemory("bot-" + UUID.randomUUID()), (db, clock) -> provisioner, () -> orgNames, () -> { }, options);
    }

    private TestBot(Database db, java.util.function.BiFunction<Database, Clock, AppProvisioner> provisioner,
                    OrgDirectory orgs, AutoCloseable resources, Options options) {
        this(db, provisioner, orgs, resources, options, null, null);
    }

    private TestBot(Database db, java.util.function.BiFunction<Database, Clock, AppProvisioner> provisioner,
                    OrgDirectory orgs, AutoCloseable resources, Options options, OrgClients orgClients,
                    EmulatedOrgs emulated) {
        this.db = db;
        this.resources = resources;
        this.orgClients = orgClients;
        this.emulated = emulated;
        this.provisioner = new KillableProvisioner(provisioner.apply(db, clock));
        this.orgs = orgs;
        this.options = options;
        this.reminders = options.reminders() ? openReminders() : null;
        this.engine = newEngine();
        chat.connect(e -> engine.handle(e));
    }

    /** A bot whose orgs are "demo" and "prod". */
    public TestBot(AppProvisioner provisioner) {
        this(provisioner, List.of("demo", "prod"));
    }

    /**
     * The bot as a newcomer runs it: the only org is the built-in {@code demo} org, served by an in-process
     * salesforce-emulator (deploys take 50 ms), and apps are created by the real provisioning saga.
     */
    public static TestBot onTheDemoOrg() {
        return onTheDemoOrg(Options.defaults());
    }

    /** {@link #onTheDemoOrg()} with these roles, approval policy and reminders. */
    public static TestBot onTheDemoOrg(Options options) {
        return onTheDemoOrg(options, Database.inMemory("bot-" + UUID.randomUUID()));
    }

    /** {@link #onTheDemoOrg(Options)} on the given database (e.g. PostgreSQL), which the bot closes. */
    public static TestBot onTheDemoOrg(Options options, Database db) {
        EmulatedOrgs emulated = EmulatedOrgs.start(Duration.ofMillis(50));
        Org demo = new Org(DemoOrgProvider.DEMO_ORG_NAME, OrgEnvironment.PRODUCTION, emulated.baseUrl(), "68.0",
                SignInMethod.ClientCredentials.of(EmulatedOrgs.CLIENT_ID, Secret.of(EmulatedOrgs.CLIENT_SECRET)), true);
        OrgRegistry registry = OrgRegistry.of(EcabotConfig.empty(), Map.of(), () -> demo);
        return new TestBot(db, (d, clock) -> ProvisioningSaga.onDatabase(registry,
                new SalesforceClients(EmulatedOrgs.FAST), d.dataSource(), clock),
                OrgDirectory.of(registry), emulated, options, OrgClients.of(registry, new SalesforceClients(EmulatedOrgs.FAST)), emulated);
    }

    /** The bot with the shipped playbooks plus those in {@code dir} (as ECABOT_PLAYBOOKS_DIR adds them); restarts it. */
    public TestBot withPlaybooksFrom(java.nio.file.Path dir) {
        this.catalog = new dev.ecabot.playbook.PlaybookLoader().load(java.util.Optional.of(dir));
        return restart();
    }

    /**
     * The bot sending through {@code around} the test chat (an outbox over it, a port that fails on some message);
     * restarts it. What reaches the test chat is still what the people see.
     */
    public TestBot withPortAround(java.util.function.UnaryOperator<dev.ecabot.conversation.ChatPort> around) {
        this.portAround = around;
        return restart();
    }

    /** The bot with these roles instead of the default (everyone in the test chat is a requester); restarts it. */
    public TestBot withRoles(RolesConfig newRoles) {
        this.options = options.withRoles(newRoles);
        return restart();
    }

    /**
     * A new engine instance on the same database (what a restart or another instance would see); a running reminder
     * scheduler is stopped and a new one opened (not started) on the same database. The old instance stops renewing
     * its provisioning leases, as a killed process would: its requests can be taken over once
     * {@link #afterTheLeasesOfTheOldInstanceExpire()}.
     */
    public TestBot restart() {
        if (reminders != null) {
            reminders.close();
            reminders = openReminders();
        }
        leases.close();
        engine = newEngine();
        return this;
    }

    /** Where the bot's process dies between two steps of the provisioning saga, named by the steps around it. */
    public enum SagaKillPoint {
        /** The app is deployed and its credentials read; the secret is not sealed in the vault yet. */
        AFTER_THE_DEPLOY_BEFORE_THE_SEAL,
        /** The secret is sealed in the vault; the saga has not recorded that it is. */
        AFTER_THE_SEAL_BEFORE_IT_IS_RECORDED,
        /** The secret is sealed and the app recorded in the inventory; its reminders are not scheduled yet. */
        AFTER_THE_SEAL_BEFORE_THE_REMINDERS
    }

    private volatile SagaKillPoint killInSaga;

    /**
     * The next provisioning kills its thread at {@code point} (see {@link TestChat.Killed}): nothing after it runs and
     * nothing is recorded as failed, as if the process died there. Once; {@link TestChat#awaitTheKill()} waits for it.
     */
    public TestBot killTheBotInTheSaga(SagaKillPoint point) {
        this.killInSaga = point;
        return this;
    }

    private void maybeKilled(SagaKillPoint point) {
        if (killInSaga == point) {
            killInSaga = null;
            throw chat.killedElsewhere();
        }
    }

    /** The test's provisioner, with the process dying where {@link #killTheBotInTheSaga} says. */
    private final class KillableProvisioner implements AppProvisioner {
        private final AppProvisioner real;

        KillableProvisioner(AppProvisioner real) {
            this.real = real;
        }

        @Override
        public dev.ecabot.provisioning.ProvisioningResult provision(dev.ecabot.provisioning.ProvisioningRequest request,
                dev.ecabot.provisioning.CredentialsDelivery delivery, dev.ecabot.provisioning.AppReminders reminders,
                dev.ecabot.provisioning.ProvisioningListener listener) {
            dev.ecabot.provisioning.CredentialsDelivery dyingDelivery = new dev.ecabot.provisioning.CredentialsDelivery() {
                @Override
                public void deliver(dev.ecabot.provisioning.ProvisionedCredentials credentials) {
                    maybeKilled(SagaKillPoint.AFTER_THE_DEPLOY_BEFORE_THE_SEAL);
                    delivery.deliver(credentials);
                    maybeKilled(SagaKillPoint.AFTER_THE_SEAL_BEFORE_IT_IS_RECORDED);
                }

                @Override
                public boolean holds(String runId) {
                    return delivery.holds(runId);
                }
            };
            return real.provision(request, dyingDelivery, (runId, app) -> {
                maybeKilled(SagaKillPoint.AFTER_THE_SEAL_BEFORE_THE_REMINDERS);
                reminders.schedule(runId, app);
            }, listener);
        }

        @Override
        public dev.ecabot.provisioning.ProvisioningResult update(dev.ecabot.provisioning.ProvisioningRequest request,
                                                                 dev.ecabot.provisioning.ProvisioningListener listener) {
            return real.update(request, listener);
        }

        @Override
        public java.util.Optional<String> reserveName(String runId, String org, String apiName,
                                                      dev.ecabot.access.Requester requester) {
            return real.reserveName(runId, org, apiName, requester);
        }
    }

    /** Moves the clock past the provisioning leases an instance that died still held. */
    public TestBot afterTheLeasesOfTheOldInstanceExpire() {
        clock.advance(ProvisioningLeases.DEFAULT_LEASE.plusSeconds(1));
        return this;
    }

    /** This instance's provisioning leases (which requests it runs). */
    public ProvisioningLeases leases() {
        return leases;
    }

    /** Starts the reminder scheduler: due and overdue reminders go out through the test chat. */
    public TestBot startReminders() {
        if (reminders == null) throw new IllegalStateException("this bot has no reminders; use Options.withReminders()");
        reminders.start();
        return this;
    }

    /** The reminder scheduler (for what is scheduled), when the options ask for one. */
    public Reminders reminders() {
        if (reminders == null) throw new IllegalStateException("this bot has no reminders; use Options.withReminders()");
        return reminders;
    }

    private Reminders openReminders() {
        return Reminders.open(db, new ChatReminderDelivery(chat, approvals(), new RevealOffers(db.dataSource(), key,
                new AuditTrail(db.dataSource()), clock, RevealOffers.DEFAULT_WINDOW),
                new dev.ecabot.inventory.AppOwners(db.dataSource())), REMINDER_TIMING);
    }

    private Approvals approvals() {
        return new Approvals(db.dataSource(), options.approvals(), new AccessPolicy(options.roles()),
                new AuditTrail(db.dataSource()), clock);
    }

    public TestChat chat() {
        return chat;
    }

    public MutableClock clock() {
        return clock;
    }

    public ConversationEngine engine() {
        return engine;
    }

    public PlaybookCatalog playbooks() {
        return catalog;
    }

    public Database database() {
        return db;
    }

    /** The bot's Salesforce clients (only {@link #onTheDemoOrg()}), e.g. to change an app behind the bot's back. */
    public OrgClients orgClients() {
        if (orgClients == null) throw new IllegalStateException("only TestBot.onTheDemoOrg() talks to an org");
        return orgClients;
    }

    /** The emulated demo org itself (only {@link #onTheDemoOrg()}): what exists there, whatever the bot believes. */
    public EmulatedOrgs emulatedOrg() {
        if (emulated == null) throw new IllegalStateException("only TestBot.onTheDemoOrg() talks to an org");
        return emulated;
    }

    /** Another bot instance on the same database and chat (a second server of a cluster), with leases of its own. */
    public SecondInstance secondInstance() {
        ProvisioningLeases own = new ProvisioningLeases(db.dataSource(), clock);
        return new SecondInstance(buildEngine(own), own);
    }

    /** A second engine instance on this bot's database; close it to stop it. */
    public record SecondInstance(ConversationEngine engine, ProvisioningLeases leases) implements AutoCloseable {
        @Override
        public void close() {
            leases.close();
        }
    }

    private ConversationEngine newEngine() {
        leases = new ProvisioningLeases(db.dataSource(), clock);
        return buildEngine(leases);
    }

    private ConversationEngine buildEngine(ProvisioningLeases engineLeases) {
        var builder = ConversationEngine.builder()
                .leases(engineLeases)
                .port(portAround.apply(chat))
                .dataSource(db.dataSource())
                .playbooks(catalog)
                .orgs(orgs)
                .provisioner(provisioner)
                .revealOffers(new RevealOffers(db.dataSource(), key, new AuditTrail(db.dataSource()), clock,
                        RevealOffers.DEFAULT_WINDOW))
                .access(new AccessPolicy(options.roles()))
                .approvals(approvals());
        if (reminders != null) builder.reminders(reminders, ReminderPlans.defaults());
        if (orgClients != null) builder.orgClients(orgClients);
        return builder
                .settings(EngineSettings.builder().clock(clock).displayZone(ZoneOffset.UTC)
                        .idleTimeout(Duration.ofHours(1)).background(background).build())
                .build();
    }

    @Override
    public void close() {
        background.shutdownNow(); // stops a provisioning a test left hanging before its database goes
        try {
            background.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reminders != null) reminders.close();
        leases.close();
        db.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
