package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.store.SqlWork;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders about an app go to its owner, asked as each fires: an admin's {@code owner <app> @someone} moves every
 * later reminder of the app (the previous owner is told once), while the reminder to reveal a secret stays with the
 * requester it was offered to. On the demo org with a real Quartz scheduler on the bot's database (the JDBC store),
 * through restarts; the bot's clock is long past by the wall clock, so a started scheduler delivers everything at once.
 */
class OwnerRemindersConversationTest {

    private static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")),
            List.of(Grantee.parse("test:bob")), List.of(Grantee.parse("test:dave")));
    private static final ChatUserRef ALICE = ChatUserRef.parse("test:alice");
    private static final ChatUserRef CAROL = ChatUserRef.parse("test:carol");

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withReminders().withRoles(ROLES));
    private final Person alice = bot.chat().as("alice");
    private final Person carol = bot.chat().as("carol");
    private final Person dave = bot.chat().as("dave");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void afterAnOwnerChangeEveryLaterReminderGoesToTheNewOwnerOnceAndTheSecretStaysWithTheRequester() {
        provisionHostedMcp();
        assertThat(bot.reminders().forUser(ALICE)).extracting(Reminder::kind).containsExactly(ReminderKind.APP_USABLE,
                ReminderKind.REVEAL_EXPIRING, ReminderKind.CHECKLIST_OPEN, ReminderKind.REFRESH_TOKEN_EXPIRING);

        String answer = dave.says("owner Claude_MCP @carol").text();

        assertThat(answer).contains("test:carol now owns Claude_MCP in demo", "3 scheduled reminder(s) moved to them",
                "a secret waiting to be revealed stays with its requester");
        assertThat(bot.reminders().forUser(CAROL)).extracting(Reminder::kind)
                .containsExactly(ReminderKind.APP_USABLE, ReminderKind.CHECKLIST_OPEN, ReminderKind.REFRESH_TOKEN_EXPIRING);
        assertThat(bot.reminders().forUser(ALICE)).extracting(Reminder::kind).containsExactly(ReminderKind.REVEAL_EXPIRING);
        assertThat(alice.everything().text()).contains("Reminders about Claude_MCP in demo now go to test:carol, its new owner"
                + " (changed by test:dave): 3 scheduled reminder(s) moved to them.");
        assertThat(carol.everything().text()).contains("test:dave made you the owner of Claude_MCP in demo");
        assertThat(carol.says("reminders").text()).contains("App usable (Claude_MCP in demo)", "Refresh token expiring")
                .doesNotContain("Reveal expiring");

        assertThat(dave.says("owner Claude_MCP @carol").text()).contains("test:carol already owns Claude_MCP in demo");
        assertThat(count(alice, "now go to test:carol")).as("the previous owner is told once").isEqualTo(1);
        assertThat(count(carol, "made you the owner")).isEqualTo(1);

        bot.restart().startReminders();

        carol.awaits("Claude_MCP in demo should be usable now");
        carol.awaits("Refresh tokens of Claude_MCP in demo");
        alice.awaits("Your credentials for Claude_MCP in demo are waiting");
        carol.awaits("Manual steps of Claude_MCP in demo");
        // all delivered; only the checklist's next weekly reminder is left (its manual step is still open)
        await().atMost(Duration.ofSeconds(15)).until(() -> bot.reminders().forApp("demo", "Claude_MCP").stream()
                .allMatch(r -> r.kind() == ReminderKind.CHECKLIST_OPEN));
        assertThat(alice.everything().last(RevealOffer.class)).as("the reveal button comes back to the requester only")
                .isNotNull();
        assertThat(carol.everything().messages()).noneMatch(m -> m instanceof RevealOffer);
        assertThat(alice.everything().text()).doesNotContain("should be usable now", "Refresh tokens of Claude_MCP");
        assertThat(carol.everything().text()).doesNotContain("Your credentials for");

        bot.restart().startReminders();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                count(carol, "Reminder: Claude_MCP in demo should be usable now") == 1
                        && count(carol, "Reminder: Refresh tokens of Claude_MCP") == 1
                        && count(alice, "Reminder: Your credentials for Claude_MCP") == 1);
    }

    @Test
    void theOwnerIsAskedAsTheReminderFiresNotWhenItWasScheduled() {
        provisionHostedMcp();
        bot.restart(); // a second instance changed the owner while this one held the reminder: only the database knows
        SqlWork.inTransaction(bot.database().dataSource(), "name an owner behind the reminders' back", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_owner (org_name, api_name, owner, assigned_by,"
                    + " assigned_at) VALUES ('demo', 'Claude_MCP', 'test:carol', 'test:dave', CURRENT_TIMESTAMP)")) {
                return ps.executeUpdate();
            }
        });
        assertThat(bot.reminders().forUser(ALICE)).as("still addressed to alice in the reminders table")
                .extracting(Reminder::kind).contains(ReminderKind.APP_USABLE);

        bot.startReminders();

        carol.awaits("Claude_MCP in demo should be usable now");
        await().atMost(Duration.ofSeconds(15)).until(() -> count(alice, "Reminder: Your credentials for Claude_MCP") == 1);
        assertThat(alice.everything().text()).doesNotContain("should be usable now");
    }

    @Test
    void aReminderAboutAnAppNobodyOwnsGoesToTheApproversAndSaysHowToNameAnOwner() {
        bot.reminders().schedule(new Reminder("refresh-user:legacy", ReminderKind.REFRESH_TOKEN_EXPIRING,
                Recipient.owner(null), "demo", "Legacy_Sync", null, TestBot.START,
                "The refresh token integration@acme.example.org holds for Legacy_Sync in demo expires soon."));

        bot.startReminders();

        Person bob = bot.chat().as("bob");
        assertThat(bob.awaits("Legacy_Sync in demo expires soon").text())
                .contains("Nobody owns Legacy_Sync in demo: an admin says \"owner Legacy_Sync @someone\"");
    }

    private void provisionHostedMcp() {
        Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo", RemindersConversationTest.HOSTED_MCP);
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        alice.awaits("I will remind you");
    }

    private static long count(Person who, String fragment) {
        return who.everything().messages().stream().filter(m -> PlainText.render(m).contains(fragment)).count();
    }
}
