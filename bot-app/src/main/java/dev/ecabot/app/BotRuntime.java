package dev.ecabot.app;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.ConfigLoader;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ConversationEngine;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.reminders.ChatReminderDelivery;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.conversation.dialogue.SagaProvisioner;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
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
 * scheduler (Quartz on the same database; reminders missed while stopped arrive late, once). Provisioning cut
 * short by a stop is resumed at start; idle conversations are swept every minute and undecided approval requests
 * expired every minute (on one node). Close it to stop everything it started.
 */
public final class BotRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

    private final Database db;
    private final InProcessDemoOrg demo;
    private final ScheduledExecutorService sweeper;
    private final ConversationEngine engine;
    private final Reminders reminders;

    private BotRuntime(Database db, InProcessDemoOrg demo, ScheduledExecutorService sweeper,
                       ConversationEngine engine, Reminders reminders) {
        this.db = db;
        this.demo = demo;
        this.sweeper = sweeper;
        this.engine = engine;
        this.reminders = reminders;
    }

    /**
     * Starts the bot talking through {@code port}; {@code background} runs provisioning (its owner shuts it
     * down). {@code dataDir} holds the default H2 database and master key file. Roles come from the {@code roles}
     * section of ecabot.yaml, else {@code zeroConfigRoles}.
     */
    public static BotRuntime start(ChatPort port, ExecutorService background, Path dataDir, Map<String, String> env,
                                   RolesConfig zeroConfigRoles) {
        PlaybookCatalog playbooks = PlaybookCatalog.load();
        EcabotConfig config = ConfigLoader.fromEnvironment(env);
        Database db = env.containsKey("ECABOT_DB_URL") ? Database.open(env.get("ECABOT_DB_URL"),
                env.get("ECABOT_DB_USER"), env.get("ECABOT_DB_PASSWORD"))
                : Database.open("jdbc:h2:file:" + dataDir.resolve("ecabot").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
        InProcessDemoOrg demo = new InProcessDemoOrg();
        Reminders reminders = null;
        try {
            OrgRegistry orgs = OrgRegistry.of(config, env, demo);
            MasterKey key = MasterKey.load(env, dataDir.resolve("master.key"));
            Clock clock = Clock.systemUTC();
            RevealOffers offers = new RevealOffers(db.dataSource(), key, new AuditTrail(db.dataSource()));
            SalesforceClients clients = new SalesforceClients();   // one per process: each org's token cached once
            ProvisioningSaga saga = ProvisioningSaga.onDatabase(orgs, clients, db.dataSource(), clock);
            AccessPolicy access = new AccessPolicy(config.roles(zeroConfigRoles));
            // A playbook that says approval_required needs at least one approval wherever it runs.
            ApprovalPolicyConfig approvalPolicy = config.approvals().requiringApprovalFor(playbooks.all().stream()
                    .filter(Playbook::approvalRequired).map(Playbook::id).toList());
            // Reminders share the bot's database (Quartz JDBC store); deliveries go out through the same port.
            Approvals approvals = new Approvals(db.dataSource(), approvalPolicy, access, new AuditTrail(db.dataSource()),
                    clock);
            reminders = Reminders.open(db, new ChatReminderDelivery(port, approvals), RemindersSettings.defaults());
            ConversationEngine engine = ConversationEngine.builder()
                    .port(port)
                    .dataSource(db.dataSource())
                    .playbooks(playbooks)
                    .orgs(orgs::names)
                    .provisioner(new SagaProvisioner(saga))
                    .revealOffers(offers)
                    .access(access)
                    .approvals(approvals)
                    .reminders(reminders, config.reminderPlans())
                    .orgClients(OrgClients.of(orgs, clients))
                    .settings(EngineSettings.builder().clock(clock).background(background).build())
                    .build();
            // Cluster-safe: Quartz runs each housekeeping task on one node at a time.
            reminders.every("expire-approval-requests", Duration.ofMinutes(1), () -> expireApprovals(engine));
            reminders.start();
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ecabot-expiry");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(() -> sweep(engine), 1, 1, TimeUnit.MINUTES);
            engine.resumeInterruptedProvisioning(); // one instance per database here: the terminal
            return new BotRuntime(db, demo, sweeper, engine, reminders);
        } catch (RuntimeException e) {
            if (reminders != null) reminders.close();
            demo.close();
            db.close();
            throw e;
        }
    }

    public ConversationEngine engine() {
        return engine;
    }

    /** The bot's database, for adapters that keep their own tables (Slack's processed event ids). */
    public Database database() {
        return db;
    }

    private static void expireApprovals(ConversationEngine engine) {
        int expired = engine.expireApprovals();
        if (expired > 0) LOG.info("Expired {} approval request(s) nobody decided in time", expired);
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
        reminders.close(); // scheduled reminders stay in the database for the next start

        demo.close();
        db.close();
    }
}
