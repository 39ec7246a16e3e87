package dev.ecabot.salesforce;

import dev.ecabot.eca.EcaComponentType;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.emulator.org.Consumer;
import dev.ecabot.eca.EcaSpecDiff;
import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ecabot.testing.EmulatedOrgs.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceClientTest {

    private EmulatedOrgs orgs;
    private SalesforceClient client;

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ofMillis(60));
        client = new SalesforceClients(FAST).forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
    }

    @AfterEach
    void stop() {
        orgs.close();
    }

    private static byte[] zip(EcaSpec spec) {
        return new EcaMetadataWriter().writeZip(spec);
    }

    private OrgApp deployed(String apiName) {
        client.metadata().deploy(zip(SampleSpecs.vonage(apiName)), DeployOptions.realDeploy(), DeployProgressListener.NONE);
        return client.apps().require(apiName);
    }

    @Test
    void aDeployIsPolledUntilItSucceedsReportingEachStatus() {
        // Long enough that the first poll, right after the POST, surely finds the deploy still running.
        orgs.emulator().faults().deployDelay(Duration.ofMillis(1500));
        List<DeployStatus> seen = new ArrayList<>();
        DeployResult result = client.metadata().deploy(zip(SampleSpecs.vonage("Vonage_Voice")), DeployOptions.realDeploy(),
                r -> seen.add(r.status()));
        assertThat(result.succeeded()).isTrue();
        assertThat(seen).last().isEqualTo(DeployStatus.SUCCEEDED);
        assertThat(seen).anyMatch(status -> !status.isDone());
        OrgApp app = client.apps().require("Vonage_Voice");
        assertThat(app.label()).isEqualTo("Vonage Voice");
        assertThat(orgs.emulator().org().app("Vonage_Voice")).isPresent();
    }

    @Test
    void aDryRunValidatesWithoutCreatingTheApp() {
        DeployResult result = client.metadata().deploy(zip(SampleSpecs.vonage("Dry_Run")), DeployOptions.dryRun(), DeployProgressListener.NONE);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.checkOnly()).isTrue();
        assertThat(client.apps().find("Dry_Run")).isEmpty();
    }

    @Test
    void rejectedComponentsAreListedWithTheirFieldAndNothingIsCreated() {
        MetadataPackage pkg = new EcaMetadataWriter().write(SampleSpecs.vonage("Bad_Enum"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        String policies = EcaComponentType.OAUTH_POLICIES.path(EcaComponentType.OAUTH_POLICIES.memberName("Bad_Enum"), MetadataFormat.METADATA_API);
        for (String path : pkg.paths()) {
            String text = pkg.text(path);
            files.put(path, (path.equals(policies) ? text.replace(">Enforce<", ">Sometimes<") : text).getBytes(StandardCharsets.UTF_8));
        }
        byte[] broken = new MetadataPackage(files).toZip();

        assertThatThrownBy(() -> client.metadata().deploy(broken, DeployOptions.realDeploy(), DeployProgressListener.NONE))
                .isInstanceOfSatisfying(DeployFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(DeployStatus.FAILED);
                    assertThat(e.failures()).anySatisfy(f -> {
                        assertThat(f.componentType()).isEqualTo("ExtlClntAppOauthConfigurablePolicies");
                        assertThat(f.problem()).contains("Sometimes");
                    });
                    assertThat(e.getMessage()).contains("- ExtlClntAppOauthConfigurablePolicies Bad_Enum_oauthPlcy:");
                });
        assertThat(client.apps().find("Bad_Enum")).isEmpty();
    }

    @Test
    void aRunningDeployCanBeCanceled() {
        orgs.emulator().faults().deployDelay(Duration.ofSeconds(30));
        String id = client.metadata().start(zip(SampleSpecs.vonage("Slow_App")), DeployOptions.realDeploy());
        DeployResult canceling = client.metadata().cancel(id);
        assertThat(canceling.status()).isIn(DeployStatus.CANCELING, DeployStatus.CANCELED);
        assertThatThrownBy(() -> client.metadata().await(id, DeployProgressListener.NONE))
                .isInstanceOfSatisfying(DeployFailedException.class, e -> assertThat(e.status()).isEqualTo(DeployStatus.CANCELED))
                .hasMessageContaining("canceled");
        assertThat(client.apps().find("Slow_App")).isEmpty();
    }

    @Test
    void theKeyAndSecretOfANewAppAreRead() {
        OrgApp app = deployed("Vonage_Voice");
        Consumer inOrg = orgs.emulator().org().consumer("Vonage_Voice").orElseThrow();

        ConsumerCredentials keyOnly = client.credentials().readKey(app.id());
        assertThat(keyOnly.consumerKey()).isEqualTo(inOrg.key());
        assertThat(keyOnly.secret()).isEmpty();

        ConsumerCredentials both = client.credentials().readKeyAndSecret(app.id());
        assertThat(both.consumerSecret().reveal()).isEqualTo(inOrg.secret());
        assertThat(both.toString()).doesNotContain(inOrg.secret());
    }

    @Test
    void withSecretsOffOverRestTheAdminIsToldWhichSettingToTurnOn() {
        OrgApp app = deployed("Vonage_Voice");
        orgs.emulator().org().enableClientSecretInRestApiAccess(false);
        assertThatThrownBy(() -> client.credentials().readKeyAndSecret(app.id()))
                .isInstanceOf(CredentialsAccessException.class)
                .hasMessageContaining("Allow access to External Client App consumer secrets via REST API")
                .hasMessageContaining("ExternalClientAppSettings.enableClientSecretInRestApiAccess")
                .hasMessageContaining("View Client Secret");
        assertThat(client.credentials().readKey(app.id()).consumerKey()).isNotBlank();
    }

    @Test
    void withoutThePermissionToViewSecretsTheUserPermissionIsNamed() {
        OrgApp app = deployed("Vonage_Voice");
        orgs.emulator().org().userCanViewClientSecrets(false);
        assertThatThrownBy(() -> client.credentials().readKeyAndSecret(app.id()))
                .isInstanceOf(CredentialsAccessException.class)
                .hasMessageContaining("permission to view client secrets");
    }

    @Test
    void credentialsAreRotatedByStagingPromotingAndRevokingThePreviousPair() {
        OrgApp app = deployed("Vonage_Voice");
        String oldKey = client.credentials().readKey(app.id()).consumerKey();

        StagedCredentials fresh = client.credentials().stage(app.id());
        assertThat(fresh.consumerKey()).isNotEqualTo(oldKey);
        assertThat(client.credentials().staged(app.id())).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo("Staged"));
        client.credentials().promote(app.id(), fresh);
        assertThat(client.credentials().readKey(app.id()).consumerKey()).isEqualTo(fresh.consumerKey());
        StagedSlot previous = client.credentials().staged(app.id()).get(0);
        assertThat(previous.rotatedOut()).isTrue();
        assertThat(previous.consumerKey()).isEqualTo(oldKey);

        client.credentials().revoke(app.id(), previous.asCredentials());
        assertThat(client.credentials().staged(app.id())).isEmpty();
        assertThat(orgs.emulator().org().consumer("Vonage_Voice").orElseThrow().staged()).isNull();
    }

    @Test
    void anAppIsDeletedWithADestructiveDeploy() {
        deployed("Vonage_Voice");
        DeployResult result = client.deleteApp("Vonage_Voice", DeployProgressListener.NONE);
        assertThat(result.succeeded()).isTrue();
        assertThat(client.apps().find("Vonage_Voice")).isEmpty();
        assertThatThrownBy(() -> client.deleteApp("Vonage_Voice", DeployProgressListener.NONE))
                .isInstanceOf(AppNotFoundException.class).hasMessageContaining("no External Client App named Vonage_Voice");
    }

    @Test
    void theOrgsAppsAreReadBackWithTheirSettings() {
        deployed("Vonage_Voice");
        deployed("Acme_Sync");
        List<OrgEca> all = client.ecaReader().readAll();
        assertThat(all).extracting(e -> e.app().apiName()).containsExactly("Acme_Sync", "Vonage_Voice");
        OrgEca vonage = all.get(1);
        assertThat(vonage.components()).containsKeys(EcaComponentType.writtenByBot().toArray(EcaComponentType[]::new));
        EcaSpec readBack = vonage.settings().orElseThrow().spec();
        assertThat(EcaSpecDiff.between(readBack, SampleSpecs.vonage("Vonage_Voice"))).isEmpty();
        assertThat(vonage.settings().orElseThrow().consumerKey())
                .contains(orgs.emulator().org().consumer("Vonage_Voice").orElseThrow().key());
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetried() {
        client.checkSignIn();
        orgs.emulator().faults().failNextRequests(2, 503);
        assertThat(client.apps().list()).isEmpty();
        orgs.emulator().faults().dropNextConnections(2);
        assertThat(client.apps().list()).isEmpty();
    }

    @Test
    void soapValuesWithMarkupCharactersReachSalesforceAsWritten() {
        String odd = "Odd<Type> & \"quoted\" 'single' ]]> end";
        // The emulator names the unknown type it parsed in its fault, so the value comes back as Salesforce read it.
        assertThatThrownBy(() -> client.soap().listMetadata(List.of(odd)))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> assertThat(e.getMessage()).endsWith("Unknown type: " + odd));
        assertThatThrownBy(() -> client.soap().readMetadata(odd, List.of("A<&]]>\"B")))
                .isInstanceOfSatisfying(SalesforceApiException.class, e -> assertThat(e.getMessage()).endsWith("Unknown type: " + odd));
        deployed("Vonage_Voice");
        assertThat(client.soap().readMetadata("ExternalClientApplication", List.of("Vonage_Voice", "No<such>&\"app\"]]>")))
                .extracting(MetadataSoapApi.Read::fullName).containsExactly("Vonage_Voice");
    }

    @Test
    void anOrgThatKeepsFailingGivesUpWithAClearMessage() {
        client.checkSignIn();
        orgs.emulator().faults().failNextRequests(10, 502);
        assertThatThrownBy(() -> client.apps().list())
                .isInstanceOf(SalesforceUnavailableException.class)
                .hasMessageContaining("failed 4 times")
                .hasMessageContaining("server error 502");
    }

    @Test
    void anUnreachableOrgIsReportedAfterTheRetries() {
        Org gone = new Org("gone", OrgEnvironment.PRODUCTION, java.net.URI.create("http://127.0.0.1:9"), "68.0",
                orgs.clientCredentialsOrg("x").signIn(), false);
        assertThatThrownBy(() -> new SalesforceClients(FAST).forOrg(gone).checkSignIn())
                .isInstanceOf(SalesforceUnavailableException.class)
                .hasMessageContaining("signing in to org 'gone'")
                .hasMessageContaining("connection failed");
    }

    @Test
    void manyAppsAreListedAcrossQueryPages() {
        try (var paged = dev.ecabot.emulator.SalesforceEmulator.builder().deployDelay(Duration.ZERO).queryPageSize(1).build().start()) {
            paged.org().registerClientCredentials(EmulatedOrgs.CLIENT_ID, EmulatedOrgs.CLIENT_SECRET, EmulatedOrgs.BOT_USER);
            SalesforceClient c = new SalesforceClients(FAST).forOrg(new Org("paged", OrgEnvironment.PRODUCTION,
                    java.net.URI.create(paged.baseUrl()), "68.0", orgs.clientCredentialsOrg("x").signIn(), false));
            for (String name : List.of("App_A", "App_B", "App_C")) {
                c.metadata().deploy(zip(SampleSpecs.vonage(name)), DeployOptions.realDeploy(), DeployProgressListener.NONE);
            }
            assertThat(c.apps().list()).extracting(OrgApp::apiName).containsExactly("App_A", "App_B", "App_C");
        }
    }

    @Test
    void aDeployThatOutlastsThePatienceOfTheBotIsReportedWithItsIdToPickUpLater() {
        orgs.emulator().faults().deployDelay(Duration.ofSeconds(30));
        SalesforceClient impatient = new SalesforceClients(FAST.withPolling(
                new DeployPolling(Duration.ofMillis(10), 1.0, Duration.ofMillis(10), Duration.ofMillis(100))))
                .forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
        assertThatThrownBy(() -> impatient.metadata().deploy(zip(SampleSpecs.vonage("Slow_App")), DeployOptions.realDeploy(), DeployProgressListener.NONE))
                .isInstanceOfSatisfying(DeployStillRunningException.class, e -> assertThat(e.deployId()).startsWith("0Af"))
                .hasMessageContaining("still running").hasMessageContaining("pick it up");
    }

    @Test
    void companionsNamedAnotherWayAreStillMatchedToTheirApp() {
        deployed("Vonage_Voice");
        // An app made in Setup or by another tool: its companions carry names the bot would not give them.
        MetadataPackage pkg = new EcaMetadataWriter().write(SampleSpecs.vonage("Imported"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : pkg.paths()) {
            String renamedPath = path.replace("Imported_glbloauth", "ImportedGlblOAuth").replace("Imported_oauthPlcy", "Imported_defaultPolicy");
            String text = pkg.text(path).replace("Imported_glbloauth", "ImportedGlblOAuth").replace("Imported_oauthPlcy", "Imported_defaultPolicy");
            files.put(renamedPath, text.getBytes(StandardCharsets.UTF_8));
        }
        client.metadata().deploy(new MetadataPackage(files).toZip(), DeployOptions.realDeploy(), DeployProgressListener.NONE);

        OrgEca imported = client.ecaReader().read("Imported").orElseThrow();
        assertThat(imported.component(EcaComponentType.GLOBAL_OAUTH)).get().extracting(MetadataSoapApi.Read::fullName).isEqualTo("ImportedGlblOAuth");
        assertThat(imported.component(EcaComponentType.OAUTH_POLICIES)).get().extracting(MetadataSoapApi.Read::fullName).isEqualTo("Imported_defaultPolicy");
        assertThat(EcaSpecDiff.between(imported.settings().orElseThrow().spec(), SampleSpecs.vonage("Imported"))).isEmpty();
        assertThat(client.ecaReader().read("Vonage_Voice").orElseThrow().components()).hasSize(5);
    }
}
