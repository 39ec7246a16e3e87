package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "render" outside a conversation: an admin reads the metadata of a playbook or an app, and can have Salesforce check it. */
class RenderCommandTest {

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(new RolesConfig(
            List.of(Grantee.parse("test:*")), List.of(), List.of(Grantee.parse("test:dave")))));
    private final Person alice = bot.chat().as("alice");
    private final Person dave = bot.chat().as("dave");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anAdminReadsAPlaybooksMetadataWithTheAnswersGivenAndNothingIsMade() {
        Transcript rendered = dave.says("render vonage-ai-studio demo app_name=Vonage Prod contact_email=ops@example.com");

        List<FileMessage> files = rendered.all(FileMessage.class);
        assertThat(files).extracting(FileMessage::fileName).contains("package.xml", "externalClientApps/Vonage_Prod.eca");
        FileMessage app = files.stream().filter(f -> f.fileName().endsWith(".eca")).findFirst().orElseThrow();
        assertThat(app.content()).contains("<label>Vonage Prod</label>", "<contactEmail>ops@example.com</contactEmail>");
        assertThat(app.wholeCopy()).as("where a platform that cuts long files sends the admin")
                .contains("ecabot render vonage-ai-studio", "--set \"app_name=Vonage Prod\"", "--out <dir>");
        assertThat(bot.emulatedOrg().emulator().org().apps()).isEmpty();
    }

    @Test
    void aMissingAnswerIsNamedWithHowToGiveIt() {
        String said = dave.says("render vonage-ai-studio").text();
        assertThat(said).contains("I cannot render vonage-ai-studio", "app_name", "render vonage-ai-studio app_name=...");
        assertThat(dave.says("render vonage-ai-studio colour=blue").text()).contains("has no question colour");
        assertThat(dave.says("render nothing-like-it").text()).contains("No app called nothing-like-it");
    }

    @Test
    void aCheckHasSalesforceValidateThePlaybooksAppAndSavesNothing() {
        dave.says("render vonage-ai-studio demo app_name=Vonage Prod contact_email=ops@example.com check");
        assertThat(dave.awaits("Dry run in org 'demo' passed").text()).contains("components of Vonage_Prod",
                "say \"new\" to create an app from it");
        assertThat(bot.emulatedOrg().emulator().org().apps()).isEmpty();

        assertThat(dave.says("render vonage-ai-studio app_name=Vonage Prod check").text())
                .contains("Name the org to check it in");
    }

    @Test
    void anInventoryAppRendersAsTheBotKeepsItAndChecksInItsOrg() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");

        Transcript rendered = dave.says("render vonage_prod");
        assertThat(rendered.text()).contains("The metadata of Vonage_Prod in demo as the bot keeps it");
        assertThat(rendered.all(FileMessage.class)).extracting(FileMessage::fileName)
                .contains("externalClientApps/Vonage_Prod.eca");

        dave.says("render Vonage_Prod check");
        assertThat(dave.awaits("Dry run in org 'demo' passed").text()).contains("Vonage_Prod");
    }

    @Test
    void requestersMayNotRender() {
        assertThat(alice.says("render vonage-ai-studio").text()).contains("You may not run `render`");
    }
}
