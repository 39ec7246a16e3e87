package dev.ecabot.conversation.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.SampleSpecs;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export csv|json}: the inventory as a file for the teams that track ECAs, never with a secret. */
class ExportConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void csvHasAHeaderAndQuotesCommasAndQuotesInValues() {
        new InventoryAppRepository(bot.database().dataSource()).save(new InventoryApp(null, "demo", "Vonage_Eu",
                "Vonage \"EU\", Prod", null, "vonage-ai-studio", "Vonage", "test:alice", "test:bob", "ops@example.com",
                "3MVG9KeyEu", Instant.parse("2026-03-01T09:00:00Z"), SettingsJson.write(SampleSpecs.vonage("Vonage_Eu")),
                AppStatus.ACTIVE));

        FileMessage file = admin.says("export csv").last(FileMessage.class);

        assertThat(file.fileName()).isEqualTo("ecabot-inventory-20260302-1012.csv");
        assertThat(file.mediaType()).isEqualTo("text/csv");
        assertThat(file.content()).isEqualTo("""
                org,api_name,label,playbook,vendor,requester,approver,contact_email,consumer_key,created_at,status,\
                owner,posture_findings,posture_high,posture_rules,usage_users,usage_last_used_at,usage_unused,usage_read_at
                demo,Vonage_Eu,"Vonage ""EU"", Prod",vonage-ai-studio,Vonage,test:alice,test:bob,ops@example.com,3MVG9KeyEu,\
                2026-03-01T09:00:00Z,active,test:alice,3,1,"self-authorized-broad-scope;refresh-token-long;\
                refresh-token-no-rotation",,,,
                """);
        assertThat(file.caption()).contains("1 app", "no secrets");
    }

    @Test
    void usageColumnsShowWhatWasLastReadFromTheOrgAndOwnersAreFormulaSafe() {
        InventoryApp app = DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        bot.emulatedOrg().emulator().oauthUsage().record("Vonage_Prod", "005000000000001AAA", "ana@acme.example.com",
                Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-02T09:00:00Z"), 4);
        admin.says("usage demo");
        admin.awaits("Usage in demo");
        admin.says("owner Vonage_Prod @=HYPERLINK(\"http://evil.example\")");

        String csv = admin.says("export csv demo").last(FileMessage.class).content();
        assertThat(csv.lines().toList().get(1)).endsWith(",\"test:=HYPERLINK(\"\"http://evil.example\"\")\",5,3,"
                + "\"refresh-token-infinite;self-authorized-broad-scope;ip-bypass;refresh-token-no-rotation;pkce-off\","
                + "1,2026-03-02T09:00:00Z,false,2026-03-02T10:12:00Z");
        assertThat(csv).contains(app.consumerKey());
    }

    @Test
    void jsonCarriesTheSettingsAndNeitherFormatHoldsTheSecret() throws Exception {
        Person alice = bot.chat().as("alice");
        InventoryApp app = DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        alice.revealsSecret();
        String secret = alice.revealed().get(0).secret().reveal();

        FileMessage json = admin.says("export json demo").last(FileMessage.class);
        JsonNode rows = new ObjectMapper().readTree(json.content());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("consumer_key").asText()).isEqualTo(app.consumerKey());
        assertThat(rows.get(0).path("settings").path("policies").path("ipRelaxation").asText()).isNotEmpty();
        assertThat(json.content()).doesNotContain(secret);
        assertThat(admin.says("export csv").last(FileMessage.class).content()).contains(app.consumerKey()).doesNotContain(secret);
    }

    @Test
    void onlyAdminsExportAndAWrongFormatSaysWhichOnesExist() {
        assertThat(bot.chat().as("alice").says("export csv").text()).contains("You may not run `export`", "admin");
        assertThat(admin.says("export xml").text()).contains("Say \"export csv\" or \"export json\"");
        assertThat(admin.says("export csv nowhere").text()).contains("no org called \"nowhere\"");
    }
}
