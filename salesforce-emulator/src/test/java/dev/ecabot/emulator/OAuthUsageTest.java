package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth usage resources answer in Salesforce's documented shapes (Connect REST API, "OAuth Usage Resources",
 * App OAuth Usage Token): apps with usage data, their users, each user's refresh tokens, paging and revocation.
 */
class OAuthUsageTest {

    private static final Instant ISSUED = Instant.parse("2026-02-10T10:12:00Z");

    private SalesforceEmulator emulator;
    private OrgClient client;
    private String appId;

    @BeforeEach
    void startOrgWithTheSampleApp() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        client = OrgClient.signedIn(emulator);
        client.deployAndWait(DeployZip.sampleApp(), "{}");
        appId = client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName = 'Acme_Sync'")
                .json().at("/records/0/Id").asText();
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void anAppNobodyAuthorizedHasNoUsageData() {
        JsonNode body = client.get(OrgClient.API + "/apps/oauth/usage").json();
        assertThat(body.get("apps")).isEmpty();
        assertThat(body.get("currentPageUrl").asText()).isEqualTo(OrgClient.API + "/apps/oauth/usage?page=0&pageSize=100");
        assertThat(body.get("nextPageUrl").asText()).isEqualTo(OrgClient.API + "/apps/oauth/usage?page=1&pageSize=100");
    }

    @Test
    void appsUsersAndTokensComeInTheDocumentedShapes() {
        emulator.oauthUsage().record("Acme_Sync", "005000000000001AAA", "ana@acme.example.com", ISSUED,
                ISSUED.plus(Duration.ofDays(3)), 7);

        JsonNode app = client.get(OrgClient.API + "/apps/oauth/usage").json().get("apps").get(0);
        assertThat(app.get("developerName").asText()).isEqualTo("Acme_Sync");
        assertThat(app.get("identifier").asText()).isEqualTo(appId);

        JsonNode users = client.get(OrgClient.API + "/apps/oauth/usage/" + appId + "/users").json();
        assertThat(users.get("users")).singleElement().satisfies(u -> {
            assertThat(u.get("userIdentifier").asText()).isEqualTo("005000000000001AAA");
            assertThat(u.get("username").asText()).isEqualTo("ana@acme.example.com");
        });
        assertThat(users.has("currentPageUrl")).isTrue();
        assertThat(users.has("nextPageUrl")).isTrue();

        JsonNode token = client.get(OrgClient.API + "/apps/oauth/usage/" + appId + "/005000000000001AAA/tokens").json()
                .get("tokens").get(0);
        List<String> fields = new ArrayList<>();
        token.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("accessTokenFormat", "appDeveloperName", "appIdentifier",
                "initialConnectionAt", "lastUsedAt", "revocationUrl", "useCount", "userIdentifier", "username");
        assertThat(token.get("initialConnectionAt").asText()).isEqualTo("2026-02-10T10:12:00Z");
        assertThat(token.get("lastUsedAt").asText()).isEqualTo("2026-02-13T10:12:00Z");
        assertThat(token.get("useCount").asInt()).isEqualTo(7);
        assertThat(token.get("revocationUrl").asText()).startsWith(OrgClient.API + "/apps/oauth/usage/tokens/");
    }

    @Test
    void pagesPastTheLastAreEmptyAndRevokingATokenRemovesTheUsage() {
        for (int i = 0; i < 3; i++) {
            emulator.oauthUsage().record("Acme_Sync", "00500000000000" + i + "AAA", "u" + i + "@acme.example.com", ISSUED, ISSUED, 1);
        }
        String users = OrgClient.API + "/apps/oauth/usage/" + appId + "/users";
        assertThat(client.get(users + "?page=0&pageSize=2").json().get("users")).hasSize(2);
        assertThat(client.get(users + "?page=1&pageSize=2").json().get("users")).hasSize(1);
        assertThat(client.get(users + "?page=2&pageSize=2").json().get("users")).isEmpty();
        assertThat(client.get(users + "?pageSize=0").status()).isEqualTo(400);

        String revocation = client.get(OrgClient.API + "/apps/oauth/usage/" + appId + "/005000000000000AAA/tokens").json()
                .at("/tokens/0/revocationUrl").asText();
        assertThat(client.delete(revocation).status()).isEqualTo(204);
        assertThat(client.delete(OrgClient.API + "/apps/oauth/usage/" + appId + "/005000000000001AAA/tokens").status()).isEqualTo(204);
        assertThat(client.get(users).json().get("users")).singleElement()
                .satisfies(u -> assertThat(u.get("username").asText()).isEqualTo("u2@acme.example.com"));
    }
}
