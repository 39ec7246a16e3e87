package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reminders a conversation leaves behind, on the emulator-backed demo org with a real Quartz scheduler: their
 * times follow the bot's clock (2026-03-02 10:12 UTC, long past by the wall clock, so a started scheduler delivers
 * them at once and late, as after a bot that was down), and each goes to the right person.
 */
class RemindersConversationTest {

    static final ChatUserRef ALICE = ChatUserRef.parse("test:alice");
    static final Map<String, String> HOSTED_MCP = Map.of("app_name", "Claude MCP", "contact_email", "ops@example.com",
            "require_secret", "yes", "refresh_token_days", "10");

    private TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withReminders().withRoles(
            new RolesConfig(List.of(Grantee.parse("test:*")), List.of(Grantee.parse("test:bob")),
                    List.of(Grantee.parse("test:dave")))));
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void remindersAreScheduledAfterProvisioningAtTheRightTimes() {
        provisionHostedMcp();
        List<Reminder> mine = bot.reminders().forUser(ALICE);
        assertThat(mine).extracting(Reminder::kind).containsExactly(ReminderKind.APP_USABLE,
                ReminderKind.REVEAL_EXPIRING, ReminderKind.CHECKLIST_OPEN, ReminderKind.REFRESH_TOKEN_EXPIRING);
        assertThat(due(mine, ReminderKind.CHECKLIST_OPEN)).as("its manual step, a day later")
                .isEqualTo(TestBot.START.plus(Duration.ofDays(1)));
        assertThat(due(mine, ReminderKind.APP_USABLE)).as("after the 30-minute activation delay")
                .isEqualTo(TestBot.START.plus(Duration.ofMinutes(30)));
        assertThat(due(mine, ReminderKind.REVEAL_EXPIRING)).as("2 hours before the 24-hour offer ends")
                .isEqualTo(TestBot.START.plus(Duration.ofHours(22)));
        assertThat(due(mine, ReminderKind.REFRESH_TOKEN_EXPIRING))
                .as("the playbook's 3-day notice, at most a quarter of the 10-day lifetime ahead")
                .isEqualTo(TestBot.START.plus(Duration.ofDays(10)).minus(Duration.ofHours(60)));
        assertThat(mine.get(0).text()).contains("Claude_MCP in demo should be usable now").contains("To test it:")
                .doesNotContain("wait");
        Reminder refresh = mine.stream().filter(r -> r.kind() == ReminderKind.REFRESH_TOKEN_EXPIRING).findFirst().orElseThrow();
        assertThat(refresh.text()).as("the lead, the text and the client's label agree")
                .contains("in about 2 days", "expire 10 days after they are issued").doesNotContain("about 3 days");

        assertThat(alice.everything().text()).contains("I will remind you:", "when it is usable, 2026-03-02 10:42 UTC (30 minutes from now)");
        assertThat(alice.says("reminders").text()).contains("Reminders scheduled for you", "App usable (Claude_MCP in demo)",
                "Refresh token expiring", "Reveal expiring");
        assertThat(alice.says("reminders demo").text()).contains("Only bot admins");
        assertThat(bot.chat().as("dave").says("reminders demo Claude_MCP").text())
                .contains("Reminders scheduled for Claude_MCP in org demo", "App usable");
        assertThat(bot.chat().as("bob").says("reminders").text()).contains("No reminders are scheduled for you");
        alice.revealsSecret();
        assertThat(bot.reminders().forUser(ALICE)).as("revealed: no reminder to reveal").extracting(Reminder::kind)
                .containsExactly(ReminderKind.APP_USABLE, ReminderKind.CHECKLIST_OPEN, ReminderKind.REFRESH_TOKEN_EXPIRING);
    }

    @Test
    void anAppWithoutADelayOrALifetimePolicyGetsNeitherReminder() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        // the reminders are scheduled as the provisioning's last step, which may finish just after the message shows
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bot.reminders().forUser(ALICE))
                .extracting(Reminder::kind).containsExactly(ReminderKind.REVEAL_EXPIRING));
    }

    @Test
    void aReminderMissedWhileTheBotWasDownArrivesLateOnceAfterARestart() {
        provisionHostedMcp();
        bot.restart().startReminders();

        alice.awaits("Claude_MCP in demo should be usable now");
        // all delivered; only the checklist's next weekly reminder is left (its manual step is still open)
        await().atMost(Duration.ofSeconds(15)).until(() -> bot.reminders().forUser(ALICE).stream()
                .allMatch(r -> r.kind() == ReminderKind.CHECKLIST_OPEN && r.id().endsWith("#2")));
        assertThat(alice.everything().text()).contains("comes late because the bot was not running");
        assertThat(count("should be usable now")).isEqualTo(1);

        bot.restart().startReminders();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> count("should be usable now") == 1);
    }

    @Test
    void approversAreRemindedBeforeARequestExpiresAndTheReminderGoesAwayOnceDecided() {
        bot.close();
        bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withReminders()
                .withRoles(ApprovalConversationTest.ROLES).withApprovals(ApprovalConversationTest.DEMO_NEEDS_ONE));
        Person alice = bot.chat().as("alice");
        Person bob = bot.chat().as("bob");
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));
        alice.confirms();
        alice.says("Voice bot");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);

        assertThat(bot.reminders().forOrg("demo")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.APPROVAL_EXPIRING);
            assertThat(r.dueAt()).isEqualTo(TestBot.START.plus(Duration.ofHours(22)));
            assertThat(r.reference()).isEqualTo(card.requestId());
        });

        bot.startReminders();
        bob.awaits("Reminder: Request " + card.requestId());
        bot.chat().as("carol").awaits("Reminder: Request " + card.requestId());
        assertThat(alice.everything().text()).doesNotContain("Reminder: Request");

        bob.presses(ApprovalCard.PROMPT_ID, card.approveValue());
        alice.awaits("Consumer key: 3MVG9");
        assertThat(bot.reminders().forOrg("demo")).extracting(Reminder::kind).doesNotContain(ReminderKind.APPROVAL_EXPIRING);
    }

    private void provisionHostedMcp() {
        Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo", HOSTED_MCP);
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        alice.awaits("I will remind you");
    }

    private long count(String fragment) {
        return alice.everything().messages().stream()
                .filter(m -> dev.ecabot.conversation.message.PlainText.render(m).contains(fragment)).count();
    }

    private static java.time.Instant due(List<Reminder> reminders, ReminderKind kind) {
        return reminders.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow().dueAt();
    }
}
