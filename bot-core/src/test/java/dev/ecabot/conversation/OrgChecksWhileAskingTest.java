package dev.ecabot.conversation;

import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.emulator.EmulatedOrg;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org is checked while the questions are asked, not at deploy: the run-as user, the pre-authorized permission
 * sets and the org's External Client App settings, each failure saying what to change in Setup's words.
 */
class OrgChecksWhileAskingTest {

    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("app_name", "Billing Sync",
            "flows", "client-credentials");

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults());
    private final EmulatedOrg org = bot.emulatedOrg().emulator().org();
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void theRunAsUserMustExistAndBeActiveAndIsAdvisedToBeApiOnly() {
        org.directory().addUser("integration@acme.example.org", true, false).addUser("old@acme.example.org", false, true);
        Walks.toTheQuestion(alice, "custom", "demo", CLIENT_CREDENTIALS, "run_as_user");

        Transcript unknown = alice.says("nobody@acme.example.org");
        assertThat(unknown.text()).contains("Org 'demo' has no user with the username nobody@acme.example.org",
                "Setup > Users > Users");
        assertThat(alice.says("old@acme.example.org").text())
                .contains("The user old@acme.example.org is inactive in org 'demo'", "edit the user and select Active");

        Transcript accepted = alice.says("integration@acme.example.org");
        assertThat(accepted.text()).contains("does not have the API Only permission", "\"API Only User\"")
                .as("advice only: the next question follows").contains("question");
        assertThat(accepted.text()).doesNotContain("Which user should the client credentials flow run as");
    }

    @Test
    void aPermissionSetTheOrgLacksIsRefusedAtItsQuestion() {
        org.directory().addPermissionSets("Support_Agents");
        Walks.toTheQuestion(alice, "salesforce-hosted-mcp", "demo", Map.of("app_name", "Claude Desktop"), "permission_set");

        assertThat(alice.says("Vonage_Users").text())
                .contains("Org 'demo' has no permission set named Vonage_Users", "Setup > Permission Sets");
        Transcript summary = Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo",
                Map.of("app_name", "Claude Desktop", "permission_set", "Support_Agents"));
        assertThat(summary.lastMessage()).isInstanceOf(Confirmation.class);
    }

    @Test
    void anOrgWithExternalClientAppsOffEndsTheConversationBeforeAnyQuestion() {
        org.enableExternalClientApps(false);

        Transcript reply = alice.says("new vonage-ai-studio demo");
        assertThat(reply.text()).contains("Org 'demo' has External Client Apps turned off",
                "Setup > External Client App Settings", "\"Opt in to External Client Apps\"", "Nothing was asked or created");
        assertThat(alice.says("status").text()).doesNotContain("You are setting up");
    }

    @Test
    void secretsNotReadableOverRestIsToldUpFrontAndTheQuestionsGoOn() {
        org.enableClientSecretInRestApiAccess(false);

        Transcript reply = alice.says("new vonage-ai-studio demo");
        assertThat(reply.text()).contains("\"Allow access to External Client App consumer secrets via REST API\"")
                .contains("What should the app be called?");
    }

    @Test
    void aBotUserWithoutThePermissionToViewSecretsIsToldUpFrontWithTheFixAndTheQuestionsGoOn() {
        org.userCanViewClientSecrets(false);

        Transcript reply = alice.says("new vonage-ai-studio demo");
        assertThat(reply.text()).contains("The bot's user in org 'demo' may not view consumer secrets",
                        "Setup > Permission Sets", "\"View Client Secret\"", "\"External Client App Developer\"")
                .contains("What should the app be called?");
    }

    @Test
    void aBotUserThatMayViewSecretsHearsNothingAboutIt() {
        assertThat(alice.says("new vonage-ai-studio demo").text()).doesNotContain("may not view consumer secrets");
    }

    @Test
    void aDeployToAnOrgWithExternalClientAppsOffIsRefusedWithTheSettingToTurnOn() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", java.util.Map.of("app_name", "Vonage Prod"));
        org.enableExternalClientApps(false); // turned off after the org was checked

        alice.says("dry run");
        assertThat(alice.awaits("Dry run in org 'demo' failed").text()).contains(
                "External Client Apps are turned off in org 'demo'", "turn on \"Opt in to External Client Apps\"",
                "ExternalClientApplication Vonage_Prod: Not available for deploy for this organization");
    }

    @Test
    void whenTheOrgCannotBeReachedTheAdminIsToldAndMayGoOn() {
        Walks.toTheQuestion(alice, "custom", "demo", CLIENT_CREDENTIALS, "run_as_user");
        bot.emulatedOrg().emulator().faults().failNextRequests(10, 503);
        Transcript reply = alice.says("integration@acme.example.org");
        bot.emulatedOrg().emulator().faults().failNextRequests(0, 503);

        assertThat(reply.text()).contains("I could not reach org 'demo' to check the user integration@acme.example.org",
                "You can go on; Salesforce checks again when the app is deployed");
        assertThat(reply.text()).doesNotContain("Which user should the client credentials flow run as");
    }
}
