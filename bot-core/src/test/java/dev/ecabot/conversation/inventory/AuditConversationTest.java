package dev.ecabot.conversation.inventory;

import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit [api-name]}: who did what when, readable, never a secret value. */
class AuditConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anAppsTrailSaysWhoDidWhatAndWhenWithoutTheSecret() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        alice.revealsSecret();
        String secret = alice.revealed().get(0).secret().reveal();

        String trail = bob.says("audit Vonage_Prod").text();

        assertThat(trail).contains("Audit trail of Vonage_Prod in demo, oldest first:",
                "provisioning by test:alice: created in the org from playbook vonage-ai-studio for test:alice; consumer key 3MVG9",
                "2026-03-02 10:12 UTC: reveal by test:alice: credentials revealed to the requester (values not recorded)");
        assertThat(trail).doesNotContain(secret);
        assertThat(bob.says("audit").text()).contains("audit events, newest first", "[Vonage_Prod in demo]");
    }

    @Test
    void requestersMayNotReadTheTrailAndUnknownAppsAreNamed() {
        assertThat(bob.says("audit").text()).contains("The audit trail is empty");
        assertThat(alice.says("audit").text()).contains("You may not run `audit`");
        assertThat(bob.says("audit").text()).as("the refusal is on the trail")
                .contains("refusal by test:alice: refused: audit (no role allows it)");
        assertThat(bob.says("audit Nope_App").text()).contains("No app called Nope_App");
    }

    @Test
    void theLatestEventsComeAPageAtATimeNewestFirstWithMore() {
        dev.ecabot.audit.AuditTrail trail = new dev.ecabot.audit.AuditTrail(bot.database().dataSource());
        for (int i = 1; i <= 20; i++) {
            trail.record(dev.ecabot.audit.AuditEvent.of(TestBot.START.plusSeconds(i), dev.ecabot.audit.AuditKind.SYNC,
                    null, "demo", null, "event number " + i));
        }

        String first = bob.says("audit").text();
        assertThat(first).contains("20 audit events, 1-15 shown, newest first:", "event number 20", "event number 6",
                "5 more (or say \"audit page 2\")").doesNotContain("event number 5");
        String second = bob.picks("page 2").text();
        assertThat(second).contains("16-20 shown", "event number 5", "event number 1").doesNotContain("event number 6");
        assertThat(bob.everything().all(dev.ecabot.conversation.message.ChoicePrompt.class)).hasSize(1);
    }
}
