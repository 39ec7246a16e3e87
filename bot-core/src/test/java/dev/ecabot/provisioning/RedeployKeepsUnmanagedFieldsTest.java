package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.salesforce.OrgEca;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.store.Database;
import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ecabot.testing.EmulatedOrgs.FAST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin set fields in Setup that the bot does not manage (DPoP, an ID token audience, an Apex handler); updating
 * the app through the bot changes what was asked and keeps those, and the inventory can list them.
 */
class RedeployKeepsUnmanagedFieldsTest {

    private static final Requester ALICE = Requester.operator("alice");
    private static final List<ChatUserRef> BOB = List.of(new ChatUserRef("slack", "U_BOB"));

    private static final String GLOBAL = "extlClntAppGlobalOauthSets/Vonage_Voice_glbloauth.ecaGlblOauth";
    private static final String POLICIES = "extlClntAppOauthPolicies/Vonage_Voice_oauthPlcy.ecaOauthPlcy";

    private EmulatedOrgs orgs;
    private Database db;
    private ProvisioningSaga saga;
    private SalesforceClient client;

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ofMillis(20));
        db = Database.inMemory("keep-" + UUID.randomUUID());
        OrgRegistry registry = OrgRegistry.of(EcabotConfig.empty(), Map.of(), () -> orgs.jwtOrg("demo", OrgEnvironment.PRODUCTION));
        SalesforceClients clients = new SalesforceClients(FAST);
        saga = new ProvisioningSaga(registry, clients, new ProvisioningRunStore(db.dataSource(), Clock.systemUTC()),
                new InventoryAppRepository(db.dataSource()), new AppNameReservations(db.dataSource(), Clock.systemUTC()),
                SpecValidator.STANDARD, Clock.systemUTC(), null);
        client = clients.forOrg(registry.require("demo"));
    }

    @AfterEach
    void stop() {
        orgs.close();
        db.close();
    }

    @Test
    void anUpdateKeepsWhatTheBotDoesNotManage() {
        EcaSpec made = SampleSpecs.vonage("Vonage_Voice");
        saga.run(new ProvisioningRequest("r1", "demo", made, "vonage", "Vonage", ALICE, BOB, false, false), c -> { }, e -> { });
        setInSetup(made);

        OrgEca before = client.ecaReader().read("Vonage_Voice").orElseThrow();
        assertThat(before.unmanagedFields())
                .containsEntry("ExtlClntAppGlobalOauthSettings.isDPopEnabled", "true")
                .containsEntry("ExtlClntAppGlobalOauthSettings.idTokenConfig", "idTokenAudience=https://aud.example.com, idTokenValidity=5")
                .containsEntry("ExtlClntAppOauthConfigurablePolicies.apexHandler", "Vonage_Handler")
                .doesNotContainKeys("ExtlClntAppGlobalOauthSettings.consumerKey", "ExtlClntAppOauthSettings.oauthLink");

        AppInfo a = made.app();
        EcaSpec changed = new EcaSpec(new AppInfo(a.apiName(), a.label(), a.contactEmail(), a.contactPhone(),
                "Now with a description", a.distributionState(), a.logoUrl(), a.iconUrl()), made.globalOauth(), made.oauth(), made.policies());
        saga.run(new ProvisioningRequest("r2", "demo", changed, "vonage", "Vonage", ALICE, BOB, false, true), c -> { }, e -> { });

        String global = orgs.emulator().org().component("ExtlClntAppGlobalOauthSettings", "Vonage_Voice_glbloauth").orElseThrow().toString();
        String policies = orgs.emulator().org().component("ExtlClntAppOauthConfigurablePolicies", "Vonage_Voice_oauthPlcy").orElseThrow().toString();
        String app = orgs.emulator().org().component("ExternalClientApplication", "Vonage_Voice").orElseThrow().toString();
        assertThat(app).contains("Now with a description");
        assertThat(global).contains("isDPopEnabled", "idTokenAudience", "https://aud.example.com");
        assertThat(policies).contains("apexHandler", "Vonage_Handler");
        assertThat(new dev.ecabot.inventory.UnmanagedFields(db.dataSource()).find("demo", "Vonage_Voice").orElseThrow().fields())
                .as("stored at provisioning for show")
                .containsEntry("ExtlClntAppGlobalOauthSettings.isDPopEnabled", "true")
                .containsEntry("ExtlClntAppOauthConfigurablePolicies.apexHandler", "Vonage_Handler")
                .containsKey("ExtlClntAppGlobalOauthSettings.idTokenConfig");
    }

    /** What an admin changing the app in Setup leaves in the org: the bot's files plus three fields it never writes. */
    private void setInSetup(EcaSpec spec) {
        MetadataPackage pkg = new EcaMetadataWriter().write(spec);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : pkg.paths()) {
            String text = pkg.text(path);
            if (path.startsWith(GLOBAL)) {
                text = text.replace("<isClientCredentialsFlowEnabled>", "<idTokenConfig><idTokenAudience>https://aud.example.com"
                        + "</idTokenAudience><idTokenValidity>5</idTokenValidity></idTokenConfig>\n    <isClientCredentialsFlowEnabled>")
                        .replace("<isDeviceFlowEnabled>", "<isDPopEnabled>true</isDPopEnabled>\n    <isDeviceFlowEnabled>");
            } else if (path.startsWith(POLICIES)) {
                text = text.replace("<clientCredentialsFlowUser>", "<apexHandler>Vonage_Handler</apexHandler>\n    <clientCredentialsFlowUser>");
                if (!text.contains("apexHandler")) text = text.replace("<commaSeparated", "<apexHandler>Vonage_Handler</apexHandler>\n    <commaSeparated");
                if (!text.contains("apexHandler")) text = text.replace("<externalClientApplication>", "<apexHandler>Vonage_Handler</apexHandler>\n    <externalClientApplication>");
            }
            files.put(path, text.getBytes(StandardCharsets.UTF_8));
        }
        client.metadata().deploy(new MetadataPackage(files).toZip(), DeployOptions.realDeploy(), DeployProgressListener.NONE);
    }
}
