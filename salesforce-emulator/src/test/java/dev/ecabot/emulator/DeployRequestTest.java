package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.emulator.org.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeployRequestTest {

    private static final String DEPLOY = "{\"checkOnly\":false,\"rollbackOnError\":true,\"singlePackage\":true,"
            + "\"testLevel\":\"NoTestRun\"}";

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrg() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ofMillis(100)).build().start();
        client = OrgClient.signedIn(emulator);
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void postAnswersTheDocumentedPendingShape() {
        OrgClient.Reply reply = client.deploy(DeployZip.sampleApp(), DEPLOY);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.get("id").asText()).matches("0Af\\w{15}");
        assertThat(body.at("/deployOptions/checkOnly").isBoolean()).isTrue();
        assertThat(body.at("/deployOptions/rollbackOnError").asBoolean()).isTrue();
        assertThat(body.at("/deployOptions/singlePackage").asBoolean()).isTrue();
        assertThat(body.at("/deployOptions/testLevel").asText()).isEqualTo("NoTestRun");
        assertThat(body.at("/deployResult/id").asText()).isEqualTo(body.get("id").asText());
        assertThat(body.at("/deployResult/status").asText()).isEqualTo("Pending");
        assertThat(body.at("/deployResult/done").asBoolean()).isFalse();
        assertThat(body.at("/deployResult/success").asBoolean()).isFalse();
    }

    @Test
    void deployGoesThroughPendingAndInProgressToSucceeded() {
        emulator.faults().deployDelay(Duration.ofMillis(600));
        String id = client.deploy(DeployZip.sampleApp(), DEPLOY).json().get("id").asText();
        List<String> seen = new ArrayList<>();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            String status = client.get(OrgClient.API + "/metadata/deployRequest/" + id).json().at("/deployResult/status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            return status.equals("Succeeded");
        });
        assertThat(seen).containsSubsequence("Pending", "InProgress", "Succeeded");
    }

    @Test
    void finishedDeployReportsEachComponentAndStoresTheAppWithAConsumer() {
        JsonNode done = client.deployAndWait(DeployZip.sampleApp(), DEPLOY);

        JsonNode result = done.get("deployResult");
        assertThat(result.get("status").asText()).isEqualTo("Succeeded");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("done").asBoolean()).isTrue();
        assertThat(result.get("numberComponentsDeployed").asInt()).isEqualTo(5);
        assertThat(result.get("numberComponentsTotal").asInt()).isEqualTo(5);
        assertThat(result.get("numberComponentErrors").asInt()).isZero();
        assertThat(result.at("/details/componentFailures")).isEmpty();
        JsonNode successes = result.at("/details/componentSuccesses");
        assertThat(successes).hasSize(6);
        JsonNode app = find(successes, "ExternalClientApplication");
        assertThat(app.get("fullName").asText()).isEqualTo("Acme_Sync");
        assertThat(app.get("fileName").asText()).isEqualTo("externalClientApps/Acme_Sync.eca");
        assertThat(app.get("created").asBoolean()).isTrue();
        assertThat(app.get("id").asText()).matches("0xI\\w{15}");
        assertThat(find(successes, "").get("fullName").asText()).isEqualTo("package.xml");

        Component stored = emulator.org().app("Acme_Sync").orElseThrow();
        assertThat(stored.field("label")).contains("Acme Sync");
        assertThat(emulator.org().companionsOf("Acme_Sync")).hasSize(4);
        assertThat(emulator.org().component("ExtlClntAppOauthSettings", "Acme_Sync_oauth").orElseThrow()
                .field("commaSeparatedOauthScopes")).contains("Api, RefreshToken");
        assertThat(emulator.org().consumer("Acme_Sync")).hasValueSatisfying(consumer -> {
            assertThat(consumer.id()).matches("888\\w{15}");
            assertThat(consumer.key()).matches("3MVG9[A-Za-z0-9._]{80}");
            assertThat(consumer.secret()).matches("[0-9A-F]{64}");
            assertThat(consumer.toString()).doesNotContain(consumer.secret());
        });
    }

    @Test
    void withoutIncludeDetailsTheResultHasNoDetails() {
        String id = client.deployAndWait(DeployZip.sampleApp(), DEPLOY).get("id").asText();

        JsonNode plain = client.get(OrgClient.API + "/metadata/deployRequest/" + id).json();

        assertThat(plain.at("/deployResult/status").asText()).isEqualTo("Succeeded");
        assertThat(plain.at("/deployResult/details").isNull()).isTrue();
    }

    @Test
    void checkOnlyValidatesWithoutChangingTheOrg() {
        JsonNode done = client.deployAndWait(DeployZip.sampleApp(), "{\"checkOnly\":true}");

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
        assertThat(done.at("/deployResult/checkOnly").asBoolean()).isTrue();
        assertThat(emulator.org().apps()).isEmpty();
        assertThat(emulator.org().consumer("Acme_Sync")).isEmpty();
    }

    @Test
    void deployingAnExistingAppWithChangedSettingsUpdatesItAndKeepsItsIdAndConsumer() {
        client.deployAndWait(DeployZip.sampleApp(), DEPLOY);
        Component before = emulator.org().app("Acme_Sync").orElseThrow();
        String keyBefore = emulator.org().consumer("Acme_Sync").orElseThrow().key();

        JsonNode done = client.deployAndWait(DeployZip.sampleApp().edit(
                "extlClntAppOauthPolicies/Acme_Sync_oauthPlcy.ecaOauthPlcy",
                "<ipRelaxationPolicyType>Enforce<", "<ipRelaxationPolicyType>Bypass<"), DEPLOY);

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
        JsonNode policies = find(done.at("/deployResult/details/componentSuccesses"), "ExtlClntAppOauthConfigurablePolicies");
        assertThat(policies.get("created").asBoolean()).isFalse();
        assertThat(policies.get("changed").asBoolean()).isTrue();
        assertThat(find(done.at("/deployResult/details/componentSuccesses"), "ExternalClientApplication")
                .get("changed").asBoolean()).isFalse();
        assertThat(emulator.org().component("ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy")
                .orElseThrow().field("ipRelaxationPolicyType")).contains("Bypass");
        assertThat(emulator.org().app("Acme_Sync").orElseThrow().id()).isEqualTo(before.id());
        assertThat(emulator.org().consumer("Acme_Sync").orElseThrow().key()).isEqualTo(keyBefore);
    }

    @Test
    void oauthAppDeployedWithoutPoliciesGetsSalesforceDefaults() {
        DeployZip withoutPolicies = DeployZip.sampleApp()
                .remove("extlClntAppOauthPolicies/Acme_Sync_oauthPlcy.ecaOauthPlcy")
                .edit("package.xml", "<members>Acme_Sync_oauthPlcy</members>", "");

        client.deployAndWait(withoutPolicies, DEPLOY);

        assertThat(emulator.org().component("ExtlClntAppOauthConfigurablePolicies", "Acme_Sync_oauthPlcy"))
                .hasValueSatisfying(p -> assertThat(p.field("permittedUsersPolicyType")).contains("AllSelfAuthorized"));
    }

    @Test
    void packageUnderOneTopFolderDeploysToo() {
        DeployZip nested = new DeployZip();
        DeployZip sample = DeployZip.sampleApp();
        DeployZip.SAMPLE_FILES.forEach(path -> nested.put("unpackaged/" + path, sample.file(path)));

        JsonNode done = client.deployAndWait(nested, "{}");

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
        assertThat(find(done.at("/deployResult/details/componentSuccesses"), "ExternalClientApplication")
                .get("fileName").asText()).isEqualTo("unpackaged/externalClientApps/Acme_Sync.eca");
    }

    @Test
    void aRunningDeployCanBeCanceled() {
        emulator.faults().deployDelay(Duration.ofSeconds(5));
        String id = client.deploy(DeployZip.sampleApp(), DEPLOY).json().get("id").asText();

        OrgClient.Reply cancel = client.patch(OrgClient.API + "/metadata/deployRequest/" + id,
                "{\"deployResult\":{\"status\":\"Canceling\"}}");

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(cancel.json().at("/deployResult/status").asText()).isEqualTo("Canceling");
        JsonNode done = client.awaitDone(id);
        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Canceled");
        assertThat(done.at("/deployResult/success").asBoolean()).isFalse();
        assertThat(done.at("/deployResult/canceledByName").asText()).isEqualTo(OrgClient.ADMIN);
        assertThat(emulator.org().apps()).isEmpty();
    }

    @Test
    void aFinishedDeployCannotBeCanceled() {
        String id = client.deployAndWait(DeployZip.sampleApp(), DEPLOY).get("id").asText();

        OrgClient.Reply cancel = client.patch(OrgClient.API + "/metadata/deployRequest/" + id,
                "{\"deployResult\":{\"status\":\"Canceling\"}}");

        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().get(0).get("message").asText()).contains("already finished with status Succeeded");
    }

    @Test
    void destructiveDeployDeletesTheAppItsCompanionsAndConsumer() {
        client.deployAndWait(DeployZip.sampleApp(), DEPLOY);

        JsonNode done = client.deployAndWait(DeployZip.deleteSampleApp(), DEPLOY);

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
        JsonNode deleted = find(done.at("/deployResult/details/componentSuccesses"), "ExternalClientApplication");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(emulator.org().apps()).isEmpty();
        assertThat(emulator.org().companionsOf("Acme_Sync")).isEmpty();
        assertThat(emulator.org().consumer("Acme_Sync")).isEmpty();
        assertThat(client.query("SELECT Id FROM ExternalClientApplication").json().get("totalSize").asInt()).isZero();
    }

    @Test
    void deletingAnAppThatIsNotThereFailsUnlessWarningsAreIgnored() {
        JsonNode strict = client.deployAndWait(DeployZip.deleteSampleApp(), DEPLOY);
        JsonNode lenient = client.deployAndWait(DeployZip.deleteSampleApp(), "{\"ignoreWarnings\":true}");

        assertThat(strict.at("/deployResult/status").asText()).isEqualTo("Failed");
        JsonNode warning = strict.at("/deployResult/details/componentFailures/0");
        assertThat(warning.get("problemType").asText()).isEqualTo("Warning");
        assertThat(warning.get("problem").asText()).isEqualTo("No ExternalClientApplication named: Acme_Sync found");
        assertThat(lenient.at("/deployResult/status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void unknownDeployIdIsNotFound() {
        OrgClient.Reply reply = client.get(OrgClient.API + "/metadata/deployRequest/0Af5g00000000ZZAAA");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void requestWithoutTheZipPartIsRefused() {
        OrgClient.Reply reply = client.post(OrgClient.API + "/metadata/deployRequest", "multipart/form-data; boundary=b",
                ("--b\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"deployOptions\":{}}\r\n--b--\r\n").getBytes());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get(0).get("message").asText()).contains("\"file\"");
    }

    @Test
    void badDeployOptionsAreRefusedWithTheReason() {
        OrgClient.Reply reply = client.deploy(DeployZip.sampleApp(), "{\"testLevel\":\"RunSomeTests\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
        assertThat(reply.json().get(0).get("message").asText()).contains("RunSomeTests").contains("NoTestRun");
    }

    static JsonNode find(JsonNode components, String componentType) {
        for (JsonNode component : components) {
            if (component.get("componentType").asText().equals(componentType)) {
                return component;
            }
        }
        throw new AssertionError("no " + componentType + " in " + components);
    }
}
