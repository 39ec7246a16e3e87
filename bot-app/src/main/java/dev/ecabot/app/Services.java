package dev.ecabot.app;

import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.settings.Settings;
import dev.ecabot.store.DataDirectory;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.VaultCanary;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root: the one place that builds each of the bot's services from its {@link Settings}, once, for the
 * one-shot commands, {@code serve} and the terminal chat alike. The database (ECABOT_DB_URL, else H2 in the data
 * directory, which is made owner-only), the master key (checked against the database's canary), the playbook catalog
 * (shipped plus ECABOT_PLAYBOOKS_DIR, schema-checked once), the orgs of ecabot.yaml with the in-process demo org,
 * and the Salesforce clients (one per process: each org's token cached once). Each is built on first use, so a
 * command that needs no database opens none. The conversation engine is assembled on top of these by
 * {@link BotRuntime}. Not thread-safe while building; close it when the command or server ends.
 */
public final class Services implements AutoCloseable {

    private final Settings settings;
    private final InProcessDemoOrg demo;
    private final OrgRegistry orgs;
    private final SalesforceClients clients = new SalesforceClients();
    private Database database;
    private MasterKey masterKey;
    private PlaybookCatalog playbooks;

    /** The services of {@code settings}, with the demo org's deploys taking {@code demo}'s usual time. */
    public Services(Settings settings) {
        this(settings, new InProcessDemoOrg());
    }

    Services(Settings settings, InProcessDemoOrg demo) {
        this.settings = settings;
        this.demo = demo;
        this.orgs = OrgRegistry.of(settings.config(), settings.environment(), demo);
        demo.keepStateIn(() -> new DemoOrgStateStore(database().dataSource(), masterKey())); // survives restarts
    }

    public Settings settings() {
        return settings;
    }

    public EcabotConfig config() {
        return settings.config();
    }

    /** The orgs of ecabot.yaml, plus the in-process demo org when the configuration allows it. */
    public OrgRegistry orgs() {
        return orgs;
    }

    public SalesforceClients clients() {
        return clients;
    }

    /**
     * The playbooks, loaded (and schema-checked) once however often they are asked for.
     *
     * @throws dev.ecabot.playbook.PlaybookLoadException listing every problem when a playbook is broken
     */
    public PlaybookCatalog playbooks() {
        if (playbooks == null) playbooks = PlaybookCatalog.load(settings.environment());
        return playbooks;
    }

    /**
     * The database, opened (and migrated) on first use. The data directory is made owner-only first when it holds the
     * H2 database or the key file, and the files H2 creates are tightened after.
     */
    public Database database() {
        if (database == null) {
            Path dataDir = settings.dataDir();
            if (settings.usesDataDirectory()) DataDirectory.prepare(dataDir); // owner-only, or refused with the fix
            database = Database.open(settings.database().jdbcUrl(dataDir), settings.database().user(),
                    settings.database().password());
            if (settings.usesDataDirectory()) DataDirectory.tightenFiles(dataDir.toAbsolutePath());
        }
        return database;
    }

    /**
     * The master key (ECABOT_MASTER_KEY, else the key file in the data directory, made when missing), checked against
     * the database's canary so a wrong or lost key stops the bot before anything is sealed with it.
     *
     * @throws VaultCanary.WrongMasterKeyException saying how to restore the right key
     */
    public MasterKey masterKey() {
        if (masterKey == null) {
            var db = database().dataSource();
            Path keyFile = settings.masterKeyFile();
            MasterKey key = MasterKey.load(settings.environment(), VaultCanary.refuseNewKeyFile(db, settings.environment(), keyFile));
            VaultCanary.check(db, key, MasterKey.describeSource(settings.environment(), keyFile));
            masterKey = key;
        }
        return masterKey;
    }

    /**
     * Installs the posture policy (the shipped rules, the admin's rules beside their playbooks, the inventory
     * settings), so what any command or chat reports grades each app the same way.
     *
     * @throws dev.ecabot.posture.PostureRulesException when the admin's rule file is broken
     */
    public void installPosturePolicy() {
        PosturePolicy.install(PosturePolicy.fromEnvironment(settings.environment(), settings.config().inventory()));
    }

    /** The approvals section as chat applies it: playbooks that say approval_required need one in every org. */
    public ApprovalPolicyConfig approvalPolicy() {
        return settings.config().approvals().requiringApprovalFor(playbooks().idsRequiringApproval());
    }

    public AuditTrail audit() {
        return new AuditTrail(database().dataSource());
    }

    public InventoryAppRepository inventory() {
        return new InventoryAppRepository(database().dataSource());
    }

    public ProvisioningSaga saga(Clock clock) {
        return ProvisioningSaga.onDatabase(orgs, clients, database().dataSource(), clock);
    }

    @Override
    public void close() {
        demo.close();
        if (database != null) database.close();
    }
}
