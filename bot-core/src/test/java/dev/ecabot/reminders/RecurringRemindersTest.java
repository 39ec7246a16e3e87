package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recurring reminder (an app's open manual steps) repeats while its cause lasts and stops when it is gone: each
 * round is delivered once, even when a delivery fails and is retried, and on a cluster of two instances.
 */
class RecurringRemindersTest {

    private static final Recipient ALICE = Recipient.owner(ChatUserRef.parse("slack:U_ALICE"));

    /** Repeats 300 ms after each firing while the round number is below {@code lastRound}; the cause is then gone. */
    private record EveryFewMillis(int lastRound) implements Recurrence {
        @Override
        public Optional<Reminder> now(Reminder due) {
            return round(due) <= lastRound ? Optional.of(due) : Optional.empty();
        }

        @Override
        public Reminder next(Reminder delivered, Instant firedAt) {
            return new Reminder(delivered.id().replaceAll("#\\d+$", "") + "#" + (round(delivered) + 1), delivered.kind(),
                    delivered.recipient(), delivered.org(), delivered.apiName(), null, firedAt.plusMillis(300),
                    delivered.text());
        }

        static int round(Reminder r) {
            return Integer.parseInt(r.id().substring(r.id().lastIndexOf('#') + 1));
        }
    }

    private static Reminder firstRound() {
        return new Reminder("checklist:prod/Tableau_Cloud@1#1", ReminderKind.CHECKLIST_OPEN, ALICE, "prod", "Tableau_Cloud",
                null, Instant.now().plusMillis(300), "Manual steps of Tableau_Cloud in prod: still to do.");
    }

    @Test
    void eachRoundIsDeliveredOnceEvenAfterAFailedAttemptAndTheRepeatsStopWhenTheCauseIsGone() {
        List<RecordingDelivery.Delivered> delivered = new CopyOnWriteArrayList<>();
        RecordingDelivery chat = new RecordingDelivery("node", delivered);
        chat.failNext(1);
        try (Database db = Database.inMemory("recurring-" + UUID.randomUUID());
             Reminders reminders = Reminders.open(db, chat, RemindersTest.FAST)) {
            reminders.recurring(ReminderKind.CHECKLIST_OPEN, new EveryFewMillis(3));
            reminders.start();
            reminders.schedule(firstRound());

            await().atMost(Duration.ofSeconds(30)).until(() -> reminders.forOrg("prod").isEmpty() && delivered.size() >= 3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> delivered.size() == 3);
            assertThat(delivered).extracting(d -> d.reminder().id()).containsExactly("checklist:prod/Tableau_Cloud@1#1",
                    "checklist:prod/Tableau_Cloud@1#2", "checklist:prod/Tableau_Cloud@1#3");
            assertThat(state(db, "checklist:prod/Tableau_Cloud@1#4")).as("its cause gone: cancelled, never sent")
                    .isEqualTo("CANCELLED");
        }
    }

    @Test
    void twoClusteredInstancesDeliverEachRoundOnce() throws Exception {
        List<RecordingDelivery.Delivered> delivered = new CopyOnWriteArrayList<>();
        RemindersSettings cluster = RemindersSettings.builder().misfireThreshold(Duration.ofMillis(500))
                .lateAfter(Duration.ofSeconds(5)).clusterCheckinInterval(Duration.ofSeconds(1))
                .idleWaitTime(Duration.ofSeconds(1)).build();
        try (Database first = PostgresTestDatabase.openFreshSchema();
             Database second = Database.open(urlOf(first), "postgres", null);
             Reminders nodeA = Reminders.open(first, new RecordingDelivery("A", delivered), cluster);
             Reminders nodeB = Reminders.open(second, new RecordingDelivery("B", delivered), cluster)) {
            nodeA.recurring(ReminderKind.CHECKLIST_OPEN, new EveryFewMillis(4));
            nodeB.recurring(ReminderKind.CHECKLIST_OPEN, new EveryFewMillis(4));
            nodeA.start();
            nodeB.start();
            nodeB.schedule(firstRound());

            await().atMost(Duration.ofSeconds(60)).until(() -> nodeA.forOrg("prod").isEmpty() && delivered.size() >= 4);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> delivered.size() == 4);
            assertThat(delivered).extracting(d -> EveryFewMillis.round(d.reminder())).containsExactly(1, 2, 3, 4);
        }
    }

    private static String state(Database db, String id) {
        try (Connection c = db.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT state FROM reminders WHERE reminder_id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlOf(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            String base = PostgresTestDatabase.requireServer();
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + c.getSchema();
        }
    }
}
