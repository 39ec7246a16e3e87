package dev.ecabot.app.serve;

import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.ConfigLoader;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.config.OrgEnvironment;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ConversationEngine;
import dev.ecabot.conversation.dialogue.ApprovalGate;
import dev.ecabot.conversation.dialogue.SagaProvisioner;
import dev.ecabot.emulator.SalesforceEmulator;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.provisioning.ProvisioningRunStore;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.provisioning.SpecValidator;
import dev.ecabot.salesforce.DemoOrgProvider;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.salesforce.SignInMethod;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.Secret;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * The conversation engine as {@code ecabot serve} runs it: orgs from the configuration file plus the built-in
 * "demo" org (an in-process salesforce-emulator, started on first use), the provisioning saga, the vault's
 * one-time reveal offers (master key from ECABOT_MASTER_KEY or data/master.key), and the deny-on-doubt approval
 * gate until approvers are configured. Close it to stop the demo org.
 */
public final class ServedEngine implements AutoCloseable {

    private static final String DEMO_USER = "ecabot@demo.example.org";

    private final ConversationEngine engine;
    private final DemoOrg demo;

    private ServedEngine(ConversationEngine engine, DemoOrg demo) {
        this.engine = engine;
        this.demo = demo;
    }

    public static ServedEngine start(Map<String, String> env, Database db, ChatPort port) {
        EcabotConfig config = ConfigLoader.fromEnvironment(env);
        DemoOrg demo = new DemoOrg();
        OrgRegistry orgs = OrgRegistry.of(config, env, demo);
        Clock clock = Clock.systemUTC();
        ProvisioningSaga saga = new ProvisioningSaga(orgs, new SalesforceClients(),
                new ProvisioningRunStore(db.dataSource(), clock), new InventoryAppRepository(db.dataSource()),
                SpecValidator.BASIC, clock);
        ConversationEngine engine = ConversationEngine.builder()
                .port(port)
                .dataSource(db.dataSource())
                .playbooks(PlaybookCatalog.load())
                .orgs(orgs::names)
                .provisioner(new SagaProvisioner(saga))
                .revealOffers(new RevealOffers(db.dataSource(), MasterKey.load(env, MasterKey.DEFAULT_KEY_FILE),
                        new AuditTrail(db.dataSource())))
                .approvals(ApprovalGate.demoOnly(DemoOrgProvider.DEMO_ORG_NAME))
                .build();
        return new ServedEngine(engine, demo);
    }

    public ConversationEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        demo.close();
    }

    /** The "demo" org: an in-process emulator started the first time someone picks it. Thread-safe. */
    private static final class DemoOrg implements DemoOrgProvider, AutoCloseable {
        private SalesforceEmulator emulator;
        private Org org;

        @Override
        public synchronized Org demoOrg() {
            if (org == null) {
                String clientId = "3MVG9EcaBotDemo" + HexFormat.of().formatHex(random(6));
                String clientSecret = HexFormat.of().formatHex(random(24));
                emulator = SalesforceEmulator.builder().build().start();
                emulator.org().registerClientCredentials(clientId, clientSecret, DEMO_USER);
                org = new Org(DEMO_ORG_NAME, OrgEnvironment.PRODUCTION, URI.create(emulator.baseUrl()), "66.0",
                        SignInMethod.ClientCredentials.of(clientId, Secret.of(clientSecret)), true);
            }
            return org;
        }

        private static byte[] random(int n) {
            byte[] bytes = new byte[n];
            new SecureRandom().nextBytes(bytes);
            return bytes;
        }

        @Override
        public synchronized void close() {
            if (emulator != null) emulator.close();
        }
    }
}
