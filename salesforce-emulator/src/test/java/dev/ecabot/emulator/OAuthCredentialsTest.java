package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.emulator.org.Consumer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthCredentialsTest {

    private static final String KEY = "3MVG9[A-Za-z0-9._]{80}";
    private static final String SECRET = "[0-9A-F]{64}";

    private SalesforceEmulator emulator;
    private OrgClient client;
    private String credentials;
    private Consumer consumer;

    @BeforeEach
    void startOrgWithTheSampleApp() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        client = OrgClient.signedIn(emulator);
        client.deployAndWait(DeployZip.sampleApp(), "{}");
        String appId = client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName = 'Acme_Sync'")
                .json().at("/records/0/Id").asText();
        credentials = OrgClient.API + "/apps/oauth/credentials/" + appId;
        consumer = emulator.org().consumer("Acme_Sync").orElseThrow();
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void listsTheAppsConsumersWithTheirKeyAndUrls() {
        JsonNode body = client.get(credentials).json();

        JsonNode listed = body.get("consumers").get(0);
        assertThat(body.get("consumers")).hasSize(1);
        assertThat(listed.get("id").asText()).isEqualTo(consumer.id()).matches("888\\w{15}");
        assertThat(listed.get("key").asText()).isEqualTo(consumer.key()).matches(KEY);
        assertThat(listed.get("name").asText()).isEqualTo("Acme Sync");
        assertThat(listed.get("url").asText()).isEqualTo(credentials + "/" + consumer.id());
        assertThat(listed.get("stagedCredentialsUrl").asText()).isEqualTo(credentials + "/" + consumer.id() + "/staged");
        assertThat(listed.has("secret")).isFalse();
    }

    @Test
    void readsTheKeyAloneByDefaultAndTheSecretOnlyWhenAsked() {
        JsonNode keyOnly = client.get(credentials + "/" + consumer.id()).json();
        JsonNode both = client.get(credentials + "/" + consumer.id() + "?part=keyandsecret").json();
        JsonNode secretOnly = client.get(credentials + "/" + consumer.id() + "?part=secret").json();

        assertThat(keyOnly.get("key").asText()).isEqualTo(consumer.key());
        assertThat(keyOnly.get("secret").isNull()).isTrue();
        assertThat(both.get("id").asText()).isEqualTo(consumer.id());
        assertThat(both.get("key").asText()).isEqualTo(consumer.key());
        assertThat(both.get("secret").asText()).isEqualTo(consumer.secret()).matches(SECRET);
        assertThat(both.get("name").asText()).isEqualTo("Acme Sync");
        assertThat(both.get("url").asText()).isEqualTo(credentials + "/" + consumer.id());
        assertThat(secretOnly.get("key").isNull()).isTrue();
        assertThat(secretOnly.get("secret").asText()).isEqualTo(consumer.secret());
    }

    @Test
    void eighteenAndFifteenCharacterIdsBothWork() {
        assertThat(client.get(credentials.substring(0, credentials.length() - 3) + "/" + consumer.id().substring(0, 15))
                .status()).isEqualTo(200);
    }

    @Test
    void secretsAreRefusedWhileTheOrgSettingIsOff() {
        emulator.org().enableClientSecretInRestApiAccess(false);

        OrgClient.Reply reply = client.get(credentials + "/" + consumer.id() + "?part=keyandsecret");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("FUNCTIONALITY_NOT_ENABLED");
        assertThat(reply.json().get(0).get("message").asText())
                .contains("Allow access to External Client App consumer secrets via REST API")
                .contains("enableClientSecretInRestApiAccess");
        assertThat(reply.body()).doesNotContain(consumer.secret());
        assertThat(client.get(credentials + "/" + consumer.id()).status()).as("the key alone stays readable").isEqualTo(200);
        assertThat(client.post(credentials + "/" + consumer.id() + "/staged", "application/json", new byte[0]).status())
                .isEqualTo(403);
    }

    @Test
    void secretsAreRefusedToAUserWithoutThePermission() {
        emulator.org().userCanViewClientSecrets(false);

        OrgClient.Reply reply = client.get(credentials + "/" + consumer.id() + "?part=secret");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("INSUFFICIENT_ACCESS");
        assertThat(reply.json().get(0).get("message").asText()).contains("View Client Secret");
    }

    @Test
    void rotationStagesPromotesAndRevokes() {
        String staged = credentials + "/" + consumer.id() + "/staged";

        OrgClient.Reply created = client.post(staged, "application/json", new byte[0]);
        assertThat(created.status()).isEqualTo(201);
        JsonNode pair = created.json().get("stagedCredentials").get(0);
        assertThat(pair.get("key").asText()).matches(KEY).isNotEqualTo(consumer.key());
        assertThat(pair.get("secret").asText()).matches(SECRET).isNotEqualTo(consumer.secret());
        assertThat(pair.get("state").asText()).isEqualTo("Staged");
        assertThat(pair.get("url").asText()).isEqualTo(staged + "/" + pair.get("id").asText());
        assertThat(client.post(staged, "application/json", new byte[0]).status()).as("only one staged pair").isEqualTo(400);
        assertThat(client.get(staged).json().get("stagedCredentials")).hasSize(1);

        OrgClient.Reply rotated = client.patch(pair.get("url").asText(), "{\"command\":\"rotate\"}");

        assertThat(rotated.status()).isEqualTo(200);
        JsonNode nowActive = client.get(credentials + "/" + consumer.id() + "?part=keyandsecret").json();
        assertThat(nowActive.get("key").asText()).isEqualTo(pair.get("key").asText());
        assertThat(nowActive.get("secret").asText()).isEqualTo(pair.get("secret").asText());
        JsonNode previous = client.get(staged).json().get("stagedCredentials").get(0);
        assertThat(previous.get("state").asText()).isEqualTo("Rotated");
        assertThat(previous.get("key").asText()).isEqualTo(consumer.key());

        assertThat(client.delete(previous.get("url").asText()).status()).isEqualTo(204);
        assertThat(client.get(staged).json().get("stagedCredentials")).isEmpty();
        assertThat(emulator.org().consumer("Acme_Sync").orElseThrow().staged()).isNull();
    }

    @Test
    void theAppsOwnCredentialsSignInItsRunAsUserAndSurviveRotationFor30Days() {
        String staged = credentials + "/" + consumer.id() + "/staged";
        assertThat(signInAs(consumer.key(), consumer.secret()).status()).isEqualTo(200);
        JsonNode pair = client.post(staged, "application/json", new byte[0]).json().get("stagedCredentials").get(0);
        assertThat(signInAs(pair.get("key").asText(), pair.get("secret").asText()).status())
                .as("a staged pair works only once rotated").isEqualTo(400);

        client.patch(pair.get("url").asText(), "{\"command\":\"rotate\"}");

        assertThat(signInAs(pair.get("key").asText(), pair.get("secret").asText()).status()).isEqualTo(200);
        assertThat(signInAs(consumer.key(), consumer.secret()).status()).as("the old pair, during its 30 days").isEqualTo(200);
        client.delete(client.get(staged).json().at("/stagedCredentials/0/url").asText());
        OrgClient.Reply revoked = signInAs(consumer.key(), consumer.secret());
        assertThat(revoked.json().get("error").asText()).isEqualTo("invalid_client_id");
    }

    @Test
    void appWithoutAClientCredentialsRunAsUserCannotSignIn() {
        client.deployAndWait(DeployZip.sampleApp().edit(
                "extlClntAppOauthPolicies/Acme_Sync_oauthPlcy.ecaOauthPlcy",
                "<clientCredentialsFlowUser>acme.integration@example.org</clientCredentialsFlowUser>", ""), "{}");

        OrgClient.Reply reply = signInAs(consumer.key(), consumer.secret());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error_description").asText()).isEqualTo("no client credentials user enabled");
        assertThat(signInAs(consumer.key(), "0".repeat(64)).json().get("error").asText()).isEqualTo("invalid_client");
    }

    private OrgClient.Reply signInAs(String key, String secret) {
        return new OrgClient(emulator.baseUrl()).token(OrgClient.form("grant_type", "client_credentials",
                "client_id", key, "client_secret", secret));
    }

    @Test
    void rotateNeedsTheRotateCommand() {
        String staged = credentials + "/" + consumer.id() + "/staged";
        String url = client.post(staged, "application/json", new byte[0]).json().at("/stagedCredentials/0/url").asText();

        OrgClient.Reply reply = client.patch(url, "{\"command\":\"promote\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get(0).get("message").asText()).contains("rotate");
        assertThat(emulator.org().consumer("Acme_Sync").orElseThrow().key()).isEqualTo(consumer.key());
    }

    @Test
    void unknownAppOrConsumerIsNotFound() {
        assertThat(client.get(OrgClient.API + "/apps/oauth/credentials/0xI5g0000000000AAA").status()).isEqualTo(404);
        assertThat(client.get(credentials + "/8885g0000000000AAA").status()).isEqualTo(404);
    }

    @Test
    void stagingIsRefusedForAPackagedApp() {
        client.deployAndWait(DeployZip.sampleApp().edit("externalClientApps/Acme_Sync.eca",
                "<distributionState>Local</distributionState>", "<distributionState>Packaged</distributionState>"), "{}");

        OrgClient.Reply reply = client.post(credentials + "/" + consumer.id() + "/staged", "application/json", new byte[0]);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_INPUT");
        assertThat(reply.json().get(0).get("message").asText()).contains("only for local");
        assertThat(emulator.org().consumer("Acme_Sync").orElseThrow().staged()).isNull();
    }
}
