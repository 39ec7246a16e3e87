package dev.ecabot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What standard clients (jsforce, the Salesforce CLI) ask besides the bot's own calls, answered as a real org does. */
class ClientFidelityTest {

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrg() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        client = OrgClient.signedIn(emulator);
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void versionsAreListedThroughWinterTwentySevenAndOthersAreNotFound() {
        JsonNode versions = client.get("/services/data/").json();
        assertThat(versions.get(versions.size() - 1).get("version").asText()).isEqualTo("68.0");
        assertThat(versions.get(versions.size() - 1).get("label").asText()).isEqualTo("Winter '27");
        assertThat(versions.get(0).get("version").asText()).isEqualTo("31.0");

        OrgClient.Reply future = client.get("/services/data/v69.0/query?q=SELECT+Id+FROM+ExternalClientApplication");
        assertThat(future.status()).isEqualTo(404);
        assertThat(future.body()).contains("NOT_FOUND");
        assertThat(client.get("/services/data/v67.0/query?q=SELECT+Id+FROM+ExternalClientApplication").status()).isEqualTo(200);
    }

    @Test
    void anOrgNotYetUpgradedServesOnlyUpToItsRelease() {
        try (SalesforceEmulator older = SalesforceEmulator.builder().latestApiVersion(67).build().start()) {
            OrgClient c = OrgClient.signedIn(older);
            JsonNode versions = c.get("/services/data/").json();
            assertThat(versions.get(versions.size() - 1).get("version").asText()).isEqualTo("67.0");
            assertThat(c.get("/services/data/v68.0/query?q=SELECT+Id+FROM+ExternalClientApplication").status()).isEqualTo(404);
        }
    }

    @Test
    void aPackageXmlVersionTheOrgDoesNotServeOrThatIsNoNumberIsRefused() {
        JsonNode future = client.deployAndWait(DeployZip.sampleApp().edit("package.xml", "<version>64.0</version>",
                "<version>69.0</version>"), "{}");
        assertThat(future.at("/deployResult/status").asText()).isEqualTo("Failed");
        assertThat(future.at("/deployResult/details/componentFailures/0/problem").asText()).contains("Invalid API version 69.0");

        JsonNode word = client.deployAndWait(DeployZip.sampleApp().edit("package.xml", "<version>64.0</version>",
                "<version>latest</version>"), "{}");
        assertThat(word.at("/deployResult/details/componentFailures/0/problem").asText()).contains("'latest'", "xsd:double");
        assertThat(emulator.org().apps()).isEmpty();
    }

    @Test
    void sourceFormatFileNamesInAMetadataApiZipAreNotComponents() {
        DeployZip zip = DeployZip.sampleApp();
        String app = zip.file("externalClientApps/Acme_Sync.eca");
        zip.remove("externalClientApps/Acme_Sync.eca").put("externalClientApps/Acme_Sync.eca-meta.xml", app);

        JsonNode done = client.deployAndWait(zip, "{}");

        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Failed");
        assertThat(done.at("/deployResult/details/componentFailures").toString()).contains("Acme_Sync.eca-meta.xml");
        assertThat(emulator.org().apps()).isEmpty();
    }

    @Test
    void aRestDeployWithTheJsonPartNamedEntityContentIsAccepted() {
        OrgClient.Reply accepted = client.deployAsJsforce(DeployZip.sampleApp(), "{\"rollbackOnError\":true}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode done = client.awaitDone(accepted.json().get("id").asText());
        assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void whoIsSignedInIsAnsweredByUserinfoTheIdentityUrlAndTheUserRecord() {
        JsonNode userinfo = client.get("/services/oauth2/userinfo").json();
        String userId = userinfo.get("user_id").asText();
        assertThat(userId).startsWith("005");
        assertThat(userinfo.get("organization_id").asText()).isEqualTo(emulator.org().orgId());
        assertThat(userinfo.get("preferred_username").asText()).isEqualTo("admin@acme.example.org");

        String idUrl = userinfo.get("sub").asText().substring(emulator.baseUrl().length());
        JsonNode identity = client.get(idUrl).json();
        assertThat(identity.get("username").asText()).isEqualTo("admin@acme.example.org");
        assertThat(identity.at("/urls/metadata").asText()).contains("/services/Soap/m/{version}");

        JsonNode user = client.get("/services/data/v68.0/sobjects/User/" + userId).json();
        assertThat(user.get("Username").asText()).isEqualTo("admin@acme.example.org");
        assertThat(user.at("/attributes/type").asText()).isEqualTo("User");

        assertThat(new OrgClient(emulator.baseUrl()).get("/services/oauth2/userinfo").status()).isEqualTo(401);
    }
}
