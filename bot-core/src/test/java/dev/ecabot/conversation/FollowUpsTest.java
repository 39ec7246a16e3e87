package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.dialogue.FollowUps;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.store.Database;
import dev.ecabot.testing.MutableClock;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What follows a new app: reminders scheduled on the durable store, delivered as chat messages. */
class FollowUpsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:12:00Z");

    @Test
    void aNewAppWithAnActivationDelayAndRefreshTokenLifetimeGetsBothReminders() {
        Playbook playbook = PlaybookCatalog.load().find("salesforce-hosted-mcp").orElseThrow();
        Rendering rendering = new PlaybookRenderer().render(playbook, Map.of("org", "prod", "app_name", "Claude MCP",
                "contact_email", "ops@example.com", "mcp_client", "claude", "refresh_token_days", "7"))
                .value().orElseThrow();
        try (Database db = Database.inMemory("follow-ups-" + UUID.randomUUID());
             Reminders reminders = Reminders.open(db, (r, late) -> { }, RemindersSettings.defaults())) {
            FollowUps.on(reminders, ReminderPlans.defaults(), new MutableClock(NOW))
                    .schedule(ChatUser.of("test", "alice"), "prod", playbook, rendering, "Claude_MCP");

            List<Reminder> scheduled = reminders.forUser(new ChatUserRef("test", "alice"));
            assertThat(scheduled).extracting(Reminder::kind)
                    .containsExactlyInAnyOrder(ReminderKind.APP_USABLE, ReminderKind.REFRESH_TOKEN_EXPIRING);
            assertThat(scheduled).filteredOn(r -> r.kind() == ReminderKind.APP_USABLE).singleElement()
                    .satisfies(r -> assertThat(r.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30))));
        }
    }

    @Test
    void aDueReminderReachesTheRequesterInChatAndALateOneSaysSo() {
        try (TestBot bot = new TestBot(new RecordingProvisioner())) {
            ChatReminderDelivery delivery = new ChatReminderDelivery(bot.chat(), bot.approvals());
            Person alice = bot.chat().as("alice");
            delivery.deliver(Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(new ChatUserRef("test", "alice")),
                    "prod", "Claude_MCP", NOW, "Claude_MCP in prod should be usable now."), false);
            delivery.deliver(Reminder.of(ReminderKind.APP_USABLE, Recipient.approvers(), "prod", "Claude_MCP", NOW,
                    "Request for Claude_MCP expires soon."), true);

            assertThat(alice.everything().text()).isEqualTo("Claude_MCP in prod should be usable now.");
            assertThat(bot.chat().as("victor").everything().text()).contains("Request for Claude_MCP expires soon.")
                    .contains("comes late because the bot was not running");
        }
    }
}
