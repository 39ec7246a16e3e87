package dev.ecabot.conversation;

import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bot made shows up in {@code inventory} and {@code show}, on the emulator-backed demo org. */
class InventoryConversationTest {

    @Test
    void anAppMadeInChatIsListedAndShownInFullWithoutItsSecret() {
        try (TestBot bot = TestBot.onTheDemoOrg()) {
            Person alice = bot.chat().as("alice");
            alice.says("I need a Vonage app in demo");
            alice.says("Vonage Prod");
            alice.says("");
            alice.says("ops@example.com");
            alice.says("");
            alice.confirms();
            alice.awaits("Consumer key and secret of Vonage_Prod");

            Person bob = bot.chat().as("bob");
            assertThat(bob.says("inventory demo").text())
                    .contains("1 app in demo")
                    .contains("Vonage_Prod (demo): Vonage Prod; Vonage via vonage-ai-studio; asked by test:alice");
            String shown = bob.says("show vonage_prod").text();
            assertThat(shown).contains("Vonage Prod (Vonage_Prod)", "Requested by: test:alice", "Consumer key: 3MVG9",
                    "Callback URLs: https://api-eu.vonage.com/oauth/redirect", "IP relaxation: Bypass");
            assertThat(shown).doesNotContainIgnoringCase("secret:");
        }
    }
}
