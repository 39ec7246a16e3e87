package dev.ecabot.app;

import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.ConfigLoader;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the one-shot commands need, built from the environment: the configuration (ECABOT_CONFIG), the orgs
 * (with the in-process demo org), the Salesforce clients, and on first use the database (ECABOT_DB_URL, default
 * H2 under ./data) with the provisioning saga. Close it when the command ends.
 */
final class CliServices implements AutoCloseable {

    private final Map<String, String> environment;
    private final EcabotConfig config;
    private final InProcessDemoOrg demo = new InProcessDemoOrg(InProcessDemoOrg.DEPLOY_DELAY);
    private final OrgRegistry orgs;
    private final SalesforceClients clients = new SalesforceClients();
    private Database database;
    private PlaybookCatalog playbooks;

    CliServices(Map<String, String> environment) {
        this.environment = environment;
        this.config = ConfigLoader.fromEnvironment(environment);
        this.orgs = OrgRegistry.of(config, environment, demo);
        demo.keepStateIn(() -> new DemoOrgStateStore(database().dataSource(), dev.ecabot.vault.MasterKey.load(
                environment, dev.ecabot.vault.MasterKey.DEFAULT_KEY_FILE)));
    }

    /**
     * Installs the posture policy serve would use (the admin's rules beside their playbooks, the inventory settings),
     * so what a command reports grades each app as the chat does.
     *
     * @throws dev.ecabot.posture.PostureRulesException when the admin's rule file is broken
     */
    void installPosturePolicy() {
        dev.ecabot.posture.PosturePolicy.install(dev.ecabot.posture.PosturePolicy.fromEnvironment(environment, config.inventory()));
    }

    OrgRegistry orgs() {
        return orgs;
    }

    SalesforceClients clients() {
        return clients;
    }

    /** The playbooks, loaded (and schema-checked) once per command however often they are asked for. */
    PlaybookCatalog playbooks() {
        if (playbooks == null) playbooks = PlaybookCatalog.load(environment);
        return playbooks;
    }

    Database database() {
        if (database == null) {
            String url = environment.get("ECABOT_DB_URL");
            if (url == null) {
                Path dir = dev.ecabot.store.DataDirectory.prepare(Path.of(environment.getOrDefault("ECABOT_DATA_DIR", "data")));
                url = "jdbc:h2:file:" + dir.resolve("ecabot") + ";DB_CLOSE_ON_EXIT=FALSE";
            }
            database = Database.open(url, environment.get("ECABOT_DB_USER"), environment.get("ECABOT_DB_PASSWORD"));
        }
        return database;
    }

    /** The approvals section as chat applies it: playbooks that say approval_required need one in every org. */
    ApprovalPolicyConfig approvalPolicy() {
        return config.approvals().requiringApprovalFor(playbooks().idsRequiringApproval());
    }

    AuditTrail audit() {
        return new AuditTrail(database().dataSource());
    }

    InventoryAppRepository inventory() {
        return new InventoryAppRepository(database().dataSource());
    }

    ProvisioningSaga saga() {
        Clock clock = Clock.systemUTC();
        return ProvisioningSaga.onDatabase(orgs, clients, database().dataSource(), clock);
    }

    @Override
    public void close() {
        if (database != null) database.close();
        demo.close();
    }
}
