package dev.ecabot.conversation;

import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** At the confirmation, "render" shows the metadata files a deploy would send, then the summary again; nothing is made. */
class RenderAtConfirmationTest {

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults());
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void renderShowsEveryMetadataFileAndTheSummaryAgainWithoutCreatingAnything() {
        Transcript summary = Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));
        assertThat(summary.text()).contains("say \"render\"");

        Transcript rendered = alice.says("render");
        List<FileMessage> files = rendered.all(FileMessage.class);
        assertThat(files).extracting(FileMessage::fileName).contains("package.xml",
                "externalClientApps/Vonage_Prod.eca");
        assertThat(files).hasSize(6);
        FileMessage app = files.stream().filter(f -> f.fileName().endsWith(".eca")).findFirst().orElseThrow();
        assertThat(app.content()).contains("<label>Vonage Prod</label>");
        assertThat(app.caption()).contains("what I would deploy for Vonage_Prod (API 68.0)");
        assertThat(rendered.lastMessage()).as("the summary again").isInstanceOf(Confirmation.class);
        assertThat(bot.emulatedOrg().emulator().org().apps()).as("nothing deployed").isEmpty();

        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        assertThat(bot.emulatedOrg().emulator().org().app("Vonage_Prod")).isPresent();
    }

    @Test
    void aDryRunHasSalesforceValidateTheAppAndSavesNothing() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));

        assertThat(alice.says("dry run").text()).contains("Running a dry run in org 'demo'", "saves nothing");
        assertThat(alice.awaits("Dry run in org 'demo' passed").text())
                .contains("Salesforce would accept all", "components of Vonage_Prod", "say \"yes\" to create it");
        assertThat(bot.emulatedOrg().emulator().org().apps()).as("a checkOnly deploy saves nothing").isEmpty();
    }

    @Test
    void aDryRunTheOrgRefusesSaysWhichComponentAndWhy() {
        Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo", Map.of("app_name", "Claude Desktop",
                "permission_set", "Vonage_Users"));
        // meanwhile the org's permission sets are known and Vonage_Users is not among them
        bot.emulatedOrg().emulator().org().directory().addPermissionSets("Support_Agents");

        alice.says("dry run");
        assertThat(alice.awaits("Dry run in org 'demo' failed").text())
                .contains("no PermissionSet named Vonage_Users found", "change <question>");
        assertThat(bot.emulatedOrg().emulator().org().apps()).isEmpty();
    }
}
