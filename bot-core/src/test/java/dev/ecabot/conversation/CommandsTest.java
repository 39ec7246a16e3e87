package dev.ecabot.conversation;

import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands every platform shares, as a person sees them. */
class CommandsTest {

    private final TestBot bot = new TestBot(new RecordingProvisioner());
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void helpListsEveryCommandWithHowToCallIt() {
        assertThat(alice.says("help").text())
                .contains("new [playbook] [org]:", "cancel:", "status:", "playbooks:", "orgs:", "inventory [org] [vendor]:",
                        "show <api-name> [org] [detail]:", "reveal [offer]:");
    }

    @Test
    void playbooksListsEveryShippedPlaybookById() {
        assertThat(alice.says("playbooks").text()).contains("altify-mcp:", "salesforce-hosted-mcp:",
                "service-board-sync:", "vonage-ai-studio:", "custom:");
    }

    @Test
    void orgsListsTheOrgsToPickFrom() {
        assertThat(alice.says("orgs").text()).contains("demo: the built-in demo org", "  prod")
                .as("no name is followed by an empty value").doesNotContainPattern("(?m)^  \\S+:\\s*$");
    }

    @Test
    void slashCommandsFromThePlatformWorkLikeTypedOnes() {
        assertThat(alice.commands("orgs", "").text()).contains("demo", "prod");
    }

    @Test
    void anUnknownSlashCommandSaysSoAndPointsToHelp() {
        assertThat(alice.commands("launch", "rockets").text()).contains("I do not know the command \"launch\"")
                .contains("help");
    }

    @Test
    void commandWordsAreCaseInsensitive() {
        assertThat(alice.says("HELP").text()).contains("Commands:");
    }

    @Test
    void anEmptyInventorySaysHowToStart() {
        assertThat(alice.says("inventory").text()).contains("No apps yet");
        assertThat(alice.says("inventory nowhere").text()).contains("\"nowhere\" is neither an org nor a vendor", "Orgs: demo, prod");
    }

    @Test
    void showWithoutAnApiNameSaysHowToUseIt() {
        assertThat(alice.says("show").text()).contains("Say \"show <api-name>\"");
        assertThat(alice.says("show Nothing_Here").text()).contains("No app called Nothing_Here");
    }

    @Test
    void revealAloneSaysWhenNoSecretIsWaiting() {
        assertThat(alice.says("reveal").text()).contains("You have no secret waiting to be revealed");
        assertThat(alice.says("reveal 5b0c-unknown").text()).contains("There is no reveal offer");
    }

    @Test
    void newWithAWordThatIsNeitherPlaybookNorOrgSaysSoAndOffersTheList() {
        var reply = alice.says("new zzzvendor");
        assertThat(reply.text()).contains("I know no playbook or org called \"zzzvendor\"")
                .contains("Which integration is the app for?");
    }
}
