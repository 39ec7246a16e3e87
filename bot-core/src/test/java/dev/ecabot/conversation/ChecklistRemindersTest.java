package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The manual steps of an app are reminded to its owner until done: a day after the app is made, then every week,
 * listing the steps still open; never twice for one round (restarts, a second firing); stopped by the last "done"
 * and by the app going away. Runs a real Quartz scheduler; the bot's clock is long past the wall clock, so a started
 * scheduler delivers every due reminder at once, late.
 */
class ChecklistRemindersTest {

    private static final ChatUserRef ALICE = ChatUserRef.parse("test:alice");

    private TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withReminders().withRoles(new RolesConfig(
            List.of(Grantee.parse("test:*")), List.of(Grantee.parse("test:bob")), List.of(Grantee.parse("test:dave")))));
    private final Person alice = bot.chat().as("alice");
    private final Person dave = bot.chat().as("dave");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void openStepsAreRemindedADayLaterThenWeeklyOncePerRoundAndListedAmongTheReminders() {
        provisionHostedMcp();
        Reminder first = checklistReminders().get(0);
        assertThat(first.dueAt()).isEqualTo(TestBot.START.plus(Duration.ofDays(1)));
        assertThat(alice.says("reminders").text()).contains("Checklist open (Claude_MCP in demo)",
                "1 manual step is still to do", "done Claude_MCP <step>");

        bot.startReminders();
        String reminder = alice.awaits("Reminder: Manual steps of Claude_MCP in demo").text();
        assertThat(reminder).contains("still to do: (1) In the Security section of Claude MCP", "an admin ticks it off with"
                + " \"done Claude_MCP <step>\"", "every week");
        await().atMost(Duration.ofSeconds(15)).until(() -> checklistReminders().stream().allMatch(r -> r.id().endsWith("#2")));
        Reminder next = checklistReminders().get(0);
        assertThat(next.dueAt()).as("a week after the first, and at least a day after it was sent late")
                .isAfterOrEqualTo(first.dueAt().plus(ReminderPlans.CHECKLIST_EVERY))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        bot.restart().startReminders();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                count("Reminder: Manual steps of Claude_MCP") == 1 && checklistReminders().size() == 1);
    }

    @Test
    void tickingOffTheLastStepStopsTheReminders() {
        provisionHostedMcp();
        assertThat(dave.says("done Claude_MCP 1").text()).contains("Every manual step is done. No more reminders");
        assertThat(checklistReminders()).isEmpty();
        assertThat(alice.says("reminders").text()).doesNotContain("Checklist open");
    }

    @Test
    void aReminderWhoseStepsWereDoneMeanwhileSaysNothingAndStops() {
        provisionHostedMcp();
        // done behind the reminder's back (another instance's "done" whose cancel failed)
        new InventoryAppRepository(bot.database().dataSource()).checklist()
                .tick("demo", "Claude_MCP", 1, ChatUserRef.parse("test:dave"), TestBot.START);

        bot.startReminders();
        alice.awaits("Claude_MCP in demo should be usable now");
        await().atMost(Duration.ofSeconds(15)).until(() -> checklistReminders().isEmpty());
        assertThat(alice.everything().text()).doesNotContain("Manual steps of");
    }

    @Test
    void aReminderOfAnAppGoneFromItsOrgSaysNothingAndStops() {
        provisionHostedMcp();
        new InventoryAppRepository(bot.database().dataSource()).markStatus("demo", "Claude_MCP", AppStatus.MISSING);

        bot.startReminders();
        await().atMost(Duration.ofSeconds(15)).until(() -> checklistReminders().isEmpty());
        assertThat(alice.everything().text()).doesNotContain("Manual steps of");
    }

    private List<Reminder> checklistReminders() {
        return bot.reminders().forUser(ALICE).stream().filter(r -> r.kind() == ReminderKind.CHECKLIST_OPEN).toList();
    }

    private void provisionHostedMcp() {
        Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo", java.util.Map.of("app_name", "Claude MCP",
                "contact_email", "ops@example.com"));
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        alice.awaits("about the manual steps until each is ticked off");
    }

    private long count(String fragment) {
        return alice.everything().messages().stream()
                .filter(m -> dev.ecabot.conversation.message.PlainText.render(m).contains(fragment)).count();
    }
}
