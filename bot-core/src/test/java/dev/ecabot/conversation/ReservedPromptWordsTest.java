package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.ReservedWordsPlaybook;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A playbook may name its questions with words the bot uses for its own buttons ("approval", "reveal", "confirm"):
 * each is asked and answered by its buttons like any other question, and the app is created and its secret revealed
 * as usual. Before the one codec ({@link PromptRef}), a press on the "approval" question ran the approval command and
 * one on "reveal" asked the vault for an offer of that id.
 */
class ReservedPromptWordsTest {

    private final TestBot bot = TestBot.onTheDemoOrg();
    private final Person alice = bot.chat().as("alice");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void questionsNamedApprovalRevealAndConfirmAreAskedAnsweredCreatedAndRevealedLikeAnyOther() throws IOException {
        Files.writeString(dir.resolve(ReservedWordsPlaybook.ID + ".yaml"), ReservedWordsPlaybook.YAML);
        bot.withPlaybooksFrom(dir);

        Walks.toTheSummary(alice, "reserved-words", "demo",
                Map.of("approval", "yes", "reveal", "refresh", "confirm", "no"));

        assertThat(alice.everything().all(ChoicePrompt.class)).extracting(c -> PromptRef.decode(c.id()))
                .contains(new PromptRef.Question("approval"), new PromptRef.Question("reveal"),
                        new PromptRef.Question("confirm"));
        String summary = alice.everything().last(Confirmation.class).summary().toString();
        assertThat(summary).contains("RefreshToken");
        assertThat(alice.everything().text()).doesNotContain("approver role", "Nothing to reveal", "earlier question");

        alice.confirms();
        alice.awaits("shown once, to you only");
        alice.revealsSecret();

        assertThat(alice.revealed()).hasSize(1);
    }
}
