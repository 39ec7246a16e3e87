package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTest {

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrgWithThreeApps() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).queryPageSize(2).build().start();
        client = OrgClient.signedIn(emulator);
        for (String name : List.of("Acme_Sync", "Globex_Reports", "Initech_Billing")) {
            JsonNode done = client.deployAndWait(DeployZip.sampleApp().editAll("Acme_Sync", name)
                    .edit("externalClientApps/" + name + ".eca", "<label>Acme Sync</label>",
                            "<label>" + name.replace('_', ' ') + "</label>"), "{}");
            assertThat(done.at("/deployResult/status").asText()).isEqualTo("Succeeded");
        }
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void findsAnAppByDeveloperNameWithTheRecordShapeSalesforceUses() {
        OrgClient.Reply reply = client.query(
                "SELECT Id, DeveloperName, MasterLabel FROM ExternalClientApplication WHERE DeveloperName = 'Globex_Reports'");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("totalSize").asInt()).isEqualTo(1);
        assertThat(body.get("done").asBoolean()).isTrue();
        JsonNode record = body.get("records").get(0);
        String id = emulator.org().app("Globex_Reports").orElseThrow().id();
        assertThat(record.at("/attributes/type").asText()).isEqualTo("ExternalClientApplication");
        assertThat(record.at("/attributes/url").asText())
                .isEqualTo("/services/data/v64.0/sobjects/ExternalClientApplication/" + id);
        assertThat(record.get("Id").asText()).isEqualTo(id);
        assertThat(record.get("DeveloperName").asText()).isEqualTo("Globex_Reports");
        assertThat(record.get("MasterLabel").asText()).isEqualTo("Globex Reports");
    }

    @Test
    void aRecordsUrlAnswersTheRecordWithEveryField() {
        String url = client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName = 'Acme_Sync'")
                .json().at("/records/0/attributes/url").asText();

        JsonNode record = client.get(url).json();

        assertThat(record.get("DeveloperName").asText()).isEqualTo("Acme_Sync");
        assertThat(record.get("MasterLabel").asText()).isEqualTo("Acme Sync");
        assertThat(record.get("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(client.get(OrgClient.API + "/sobjects/ExternalClientApplication/0xI5g0000000000AAA").status()).isEqualTo(404);
    }

    @Test
    void keywordsAndStringComparisonsIgnoreCaseLikeSoql() {
        JsonNode body = client.query("select id from externalclientapplication where developername = 'acme_sync'").json();

        assertThat(body.get("totalSize").asInt()).isEqualTo(1);
        assertThat(body.at("/records/0/Id").asText()).isEqualTo(emulator.org().app("Acme_Sync").orElseThrow().id());
    }

    @Test
    void noMatchAnswersAnEmptyResult() {
        JsonNode body = client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName = 'Nobody'").json();

        assertThat(body.get("totalSize").asInt()).isZero();
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("records")).isEmpty();
    }

    @Test
    void manyRecordsArePagedWithNextRecordsUrl() {
        JsonNode first = client.query("SELECT DeveloperName FROM ExternalClientApplication ORDER BY DeveloperName DESC").json();

        assertThat(first.get("totalSize").asInt()).isEqualTo(3);
        assertThat(first.get("done").asBoolean()).isFalse();
        String next = first.get("nextRecordsUrl").asText();
        assertThat(next).matches("/services/data/v64.0/query/01g\\w+-2");
        JsonNode second = client.get(next).json();
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.has("nextRecordsUrl")).isFalse();
        List<String> names = new ArrayList<>();
        first.get("records").forEach(r -> names.add(r.get("DeveloperName").asText()));
        second.get("records").forEach(r -> names.add(r.get("DeveloperName").asText()));
        assertThat(names).containsExactly("Initech_Billing", "Globex_Reports", "Acme_Sync");
    }

    @Test
    void inLikeAndLimitNarrowTheResult() {
        JsonNode in = client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName IN ('Acme_Sync', 'Initech_Billing')").json();
        JsonNode like = client.query("SELECT Id FROM ExternalClientApplication WHERE MasterLabel LIKE 'glob%'").json();
        JsonNode limited = client.query("SELECT Id FROM ExternalClientApplication LIMIT 1").json();

        assertThat(in.get("totalSize").asInt()).isEqualTo(2);
        assertThat(like.get("totalSize").asInt()).isEqualTo(1);
        assertThat(limited.get("totalSize").asInt()).isEqualTo(1);
    }

    @Test
    void unsupportedSyntaxIsAMalformedQuery() {
        OrgClient.Reply reply = client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName > 'A'");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(reply.json().get(0).get("message").asText()).contains(">");
    }

    @Test
    void unknownFieldAndUnknownObjectAreNamed() {
        OrgClient.Reply field = client.query("SELECT Id, Colour FROM ExternalClientApplication");
        OrgClient.Reply object = client.query("SELECT Id FROM ConnectedApplication");

        assertThat(field.status()).isEqualTo(400);
        assertThat(field.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(field.json().get(0).get("message").asText()).startsWith("No such column 'Colour' on entity 'ExternalClientApplication'");
        assertThat(object.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(object.json().get(0).get("message").asText()).startsWith("sObject type 'ConnectedApplication' is not supported");
    }

    @Test
    void missingQueryIsRefused() {
        OrgClient.Reply reply = client.get(OrgClient.API + "/query");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void usersPermissionSetsAndProfilesAreFoundByNameAnySeededDirectoryDecidesWhichExist() {
        String anyone = "SELECT Id, Username, IsActive FROM User WHERE Username = 'someone@acme.example.org'";
        assertThat(client.query(anyone).json().get("totalSize").asInt()).as("unseeded: any user exists").isEqualTo(1);

        emulator.org().directory().addUser("int@acme.example.org", true, false).addPermissionSets("Support_Agents")
                .addProfiles("Integration Profile");
        assertThat(client.query(anyone).json().get("totalSize").asInt()).isZero();
        JsonNode user = client.query("SELECT Id, Username, IsActive FROM User WHERE Username = 'INT@acme.example.org'")
                .json().at("/records/0");
        assertThat(user.get("IsActive").isBoolean()).isTrue();
        assertThat(user.get("Id").asText()).startsWith("005");
        assertThat(client.query("SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '" + user.get("Id").asText()
                + "' AND PermissionSet.PermissionsApiUserOnly = true").json().get("totalSize").asInt())
                .as("not API Only").isZero();
        JsonNode sets = client.query("SELECT Id, Name FROM PermissionSet WHERE Name IN ('Support_Agents', 'Nope')").json();
        assertThat(sets.get("totalSize").asInt()).isEqualTo(1);
        assertThat(sets.at("/records/0/Name").asText()).isEqualTo("Support_Agents");
        assertThat(client.query("SELECT Id, Name FROM Profile WHERE Name = 'Integration Profile'").json()
                .get("totalSize").asInt()).isEqualTo(1);
    }

    @Test
    void userPermissionAccessAnswersWhetherTheSignedInUserMayViewClientSecrets() {
        String soql = "SELECT PermissionsViewClientSecret FROM UserPermissionAccess";
        JsonNode mine = client.query(soql).json();
        assertThat(mine.get("totalSize").asInt()).isEqualTo(1);
        assertThat(mine.at("/records/0/PermissionsViewClientSecret").asBoolean()).isTrue();
        assertThat(mine.at("/records/0/attributes/type").asText()).isEqualTo("UserPermissionAccess");

        emulator.org().userCanViewClientSecrets(false);
        assertThat(client.query(soql).json().at("/records/0/PermissionsViewClientSecret").isBoolean()).isTrue();
        assertThat(client.query(soql).json().at("/records/0/PermissionsViewClientSecret").asBoolean()).isFalse();
    }
}
