package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.PostgresTestDatabase;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval flow on PostgreSQL: a request waits across a restart, its requester cannot approve it, an approval creates the app. */
class PostgresApprovalConversationTest {

    @Test
    void aRequestStoredInPostgresWaitsAcrossARestartAndAnApprovalCreatesTheApp() {
        try (TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ApprovalConversationTest.ROLES)
                .withApprovals(ApprovalConversationTest.DEMO_NEEDS_ONE), PostgresTestDatabase.openFreshSchema())) {
            Person alice = bot.chat().as("alice");
            Person bob = bot.chat().as("bob");
            Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));
            alice.confirms();
            assertThat(alice.says("Voice bot").text()).contains("is waiting for approval");
            ApprovalCard card = bob.everything().last(ApprovalCard.class);
            assertThat(alice.says("approve " + card.requestId()).text()).contains("needs the approver role");

            bot.restart();
            assertThat(bob.says("approve " + card.requestId()).text()).contains("Approved");
            assertThat(alice.awaits("Consumer key: 3MVG9").text()).contains("was approved by Bob");
            assertThat(bob.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.APPROVED);
        }
    }
}
