package dev.ecabot.conversation;

import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** At the confirmation, "change <question>" goes back to that one answer instead of cancel-and-restart. */
class ChangeAnswerAtConfirmationTest {

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults());
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void changingOneAnswerAsksOnlyThatQuestionAgainAndTheAppUsesTheNewAnswer() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod",
                "contact_email", "old@example.com"));
        assertThat(alice.everything().text()).contains("say \"change <question>\"");

        String asked = alice.says("change contact_email").text();
        assertThat(asked).contains("Changing contact_email (now \"old@example.com\"); the other answers stay.")
                .containsIgnoringCase("email");
        var summary = alice.says("new@example.com");
        assertThat(summary.lastMessage()).as("straight back to the summary").isInstanceOf(Confirmation.class);
        assertThat(summary.text()).contains("new@example.com").doesNotContain("old@example.com");

        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        assertThat(alice.awaits("Connection details for the vendor").text()).as("what the vendor needs to connect")
                .containsPattern("token endpoint http://127\\.0\\.0\\.1:\\d+/services/oauth2/token");
        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow()
                .contactEmail()).isEqualTo("new@example.com");
    }

    @Test
    void anUnknownOrMissingQuestionListsWhatCanBeChangedAndKeepsTheSummary() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));

        var unknown = alice.says("change colour");
        assertThat(unknown.text()).contains("No question here is called \"colour\"", "contact_email", "app_name");
        assertThat(unknown.lastMessage()).isInstanceOf(Confirmation.class);
        assertThat(alice.says("change").text()).contains("Which answer should I change?");
        assertThat(alice.says("change the app be called").text()).contains("Changing app_name");
    }
}
