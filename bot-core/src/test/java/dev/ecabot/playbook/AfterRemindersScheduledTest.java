package dev.ecabot.playbook;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A playbook's {@code kind: after} reminders are scheduled once the app exists, each at its own time. */
class AfterRemindersScheduledTest {

    @Test
    void everyAfterReminderOfThePlaybookIsScheduledForTheRequester(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("acme.yaml"), """
                id: acme
                title: Acme
                vendor: Acme
                description: Acme sync.
                source: { document: Acme guide }
                delivery: key-and-secret
                template:
                  oauth_settings: { callback_urls: [ "https://acme.example.com/cb" ], scopes: [ Api ] }
                reminders:
                  - kind: after
                    after: 180d
                    text: Rotate the secret of ${app_name}.
                  - kind: after
                    after: 7d
                    text: Check that ${app_name} syncs.
                """);
        Playbook acme = new PlaybookLoader().load(Optional.of(dir)).find("acme").orElseThrow();
        Rendering rendering = new PlaybookRenderer().render(acme, ShippedPlaybooks.answers()).orElseThrow();
        Instant created = Instant.parse("2026-03-02T10:12:00Z");
        try (Database db = Database.inMemory("after-" + UUID.randomUUID());
             Reminders reminders = Reminders.open(db, (reminder, late) -> { }, RemindersSettings.defaults())) {
            FollowUpReminders followUps = new FollowUpReminders(reminders, ReminderPlans.defaults());
            List<Reminder> scheduled = followUps.afterProvisioning(new ChatUser("slack", "U_ALICE", "Alice", null),
                    "demo", "Acme_Integration", rendering, null, created);

            assertThat(scheduled).filteredOn(r -> r.kind() == ReminderKind.PLAYBOOK_AFTER)
                    .extracting(Reminder::dueAt, Reminder::text)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(created.plus(Duration.ofDays(180)), "Rotate the secret of Acme Integration."),
                            org.assertj.core.groups.Tuple.tuple(created.plus(Duration.ofDays(7)), "Check that Acme Integration syncs."));
            assertThat(reminders.forUser(ChatUserRef.parse("slack:U_ALICE")))
                    .filteredOn(r -> r.kind() == ReminderKind.PLAYBOOK_AFTER).hasSize(2);
        }
    }
}
