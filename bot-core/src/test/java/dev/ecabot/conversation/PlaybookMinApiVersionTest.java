package dev.ecabot.conversation;

import dev.ecabot.playbook.PlaybookLoadException;
import dev.ecabot.playbook.PlaybookLoader;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A playbook that needs metadata of a newer Salesforce release says so ({@code min_api_version}); the bot refuses,
 * before asking anything, an org set to call an older API version, and says what to pin.
 */
class PlaybookMinApiVersionTest {

    private final TestBot bot = TestBot.onTheDemoOrg(); // the demo org is set to call 68.0 (Winter '27)
    private final Person alice = bot.chat().as("alice");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anOrgOlderThanThePlaybookNeedsIsRefusedBeforeAnyQuestionWithTheVersionToPin() throws IOException {
        bot.withPlaybooksFrom(playbook("acme-next", "69.0"));

        String answer = alice.says("new acme-next demo").text();

        assertThat(answer).contains("Acme Next needs Salesforce API 69.0 (Spring '27) or later",
                "org 'demo' is set to call 68.0 (Winter '27)", "apiVersion: \"69.0\" for org 'demo' in ecabot.yaml",
                "Nothing was asked or created");
        assertThat(answer).doesNotContain("What should the app be called");
        assertThat(alice.says("hello").text()).as("the conversation is over").doesNotContain("Acme Next needs");
    }

    @Test
    void anOrgAtTheNeededVersionGetsTheQuestions() throws IOException {
        bot.withPlaybooksFrom(playbook("acme-next", "68.0"));

        String answer = alice.says("new acme-next demo").text();

        assertThat(answer).doesNotContain("needs Salesforce API").contains("Let's set up Acme Next in demo");
    }

    @Test
    void aMinimumThatIsNotAnApiVersionFailsTheLoadWithTheFix() throws IOException {
        Path dir = playbook("acme-next", "69");
        assertThatThrownBy(() -> new PlaybookLoader().load(Optional.of(dir)))
                .isInstanceOf(PlaybookLoadException.class)
                .hasMessageContaining("min_api_version")
                .hasMessageContaining("is not an API version");
    }

    @Test
    void noShippedPlaybookNeedsMoreThanTheDefaultVersion() {
        assertThat(bot.playbooks().all()).allSatisfy(p -> assertThat(p.needsNewerThan("68.0")).as(p.id()).isFalse());
    }

    private Path playbook(String id, String minApiVersion) throws IOException {
        Files.writeString(dir.resolve(id + ".yaml"), """
                id: %s
                title: Acme Next
                vendor: Acme Next
                description: An app for a vendor that needs the newest metadata.
                source:
                  document: a test
                min_api_version: "%s"
                delivery: key-and-secret
                questions: []
                template:
                  basic_information:
                    distribution_state: Local
                  oauth_settings:
                    callback_urls: [ "https://acme.example.com/callback" ]
                    scopes: [ Api, RefreshToken ]
                """.formatted(id, minApiVersion));
        return dir;
    }
}
