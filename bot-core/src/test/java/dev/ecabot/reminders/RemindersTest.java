package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RemindersTest {

    static final ChatUserRef ALICE = ChatUserRef.parse("slack:U_ALICE");
    static final ChatUserRef BOB = ChatUserRef.parse("slack:U_BOB");

    static final RemindersSettings FAST = RemindersSettings.builder()
            .misfireThreshold(Duration.ofMillis(500))
            .lateAfter(Duration.ofSeconds(1))
            .retryDelay(Duration.ofMillis(300))
            .idleWaitTime(Duration.ofSeconds(1))
            .build();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) toClose.get(i).close();
    }

    @Test
    void aDueReminderIsDeliveredOnceOnTimeAndLeavesTheList() {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        RecordingDelivery chat = new RecordingDelivery();
        // Generous lateness, so a busy build machine does not turn an on-time delivery into a "late" one.
        Reminders reminders = track(Reminders.open(db, chat, RemindersSettings.builder()
                .misfireThreshold(Duration.ofMillis(500)).lateAfter(Duration.ofSeconds(30)).idleWaitTime(Duration.ofSeconds(1)).build()));
        reminders.start();

        Reminder usable = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(ALICE), "prod", "Tableau_Cloud",
                Instant.now().plusMillis(300), "Tableau_Cloud is usable now: test the connection from Tableau.");
        assertThat(reminders.schedule(usable)).isTrue();
        assertThat(reminders.forUser(ALICE)).containsExactly(usable);

        await().atMost(Duration.ofSeconds(30)).until(() -> chat.countOf(usable.id()) == 1);
        assertThat(chat.delivered().get(0).late()).isFalse();
        assertThat(chat.delivered().get(0).reminder()).isEqualTo(usable);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> chat.countOf(usable.id()) == 1);
        assertThat(reminders.forUser(ALICE)).isEmpty();
    }

    @Test
    void aReminderScheduledBeforeTheSchedulerExistsWaitsForItAndIsDeliveredOnce() {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        RecordingDelivery chat = new RecordingDelivery();
        Reminders reminders = track(Reminders.openLater(db, chat, RemindersSettings.builder()
                .misfireThreshold(Duration.ofMillis(500)).lateAfter(Duration.ofSeconds(30)).idleWaitTime(Duration.ofSeconds(1)).build()));
        Reminder usable = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(ALICE), "prod", "Tableau_Cloud",
                Instant.now().plusMillis(300), "Tableau_Cloud is usable now: test the connection from Tableau.");

        assertThat(reminders.schedule(usable)).as("accepted before the scheduler exists").isTrue();
        assertThat(reminders.forUser(ALICE)).containsExactly(usable);
        assertThat(reminders.running()).isFalse();

        reminders.start(); // creates the scheduler, then the reminder's trigger
        await().atMost(Duration.ofSeconds(30)).until(() -> chat.countOf(usable.id()) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> chat.countOf(usable.id()) == 1);
        assertThat(reminders.forUser(ALICE)).isEmpty();
    }

    @Test
    void aReminderMissedWhileTheBotWasDownFiresOnceLateAfterRestart(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("ecabot").toAbsolutePath();
        RecordingDelivery chat = new RecordingDelivery();
        Reminder refresh = Reminder.of(ReminderKind.REFRESH_TOKEN_EXPIRING, Recipient.channel("slack", "C_INTEGRATIONS"),
                "prod", "Tableau_Cloud", Instant.now().plusMillis(300), "Refresh tokens expire in 7 days: re-authorise.");

        try (Database db = Database.open(url, null, null); Reminders reminders = Reminders.open(db, chat, FAST)) {
            reminders.schedule(refresh);   // never started: the bot goes down before it is due
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(refresh.dueAt().plus(FAST.lateAfter()).plus(FAST.misfireThreshold())));
        assertThat(chat.delivered()).isEmpty();

        try (Database db = Database.open(url, null, null); Reminders reminders = Reminders.open(db, chat, FAST)) {
            reminders.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> chat.countOf(refresh.id()) == 1);
            assertThat(chat.delivered().get(0).late()).isTrue();
            assertThat(refresh.lateNote()).contains("comes late because the bot was not running");
        }
        try (Database db = Database.open(url, null, null); Reminders reminders = Reminders.open(db, chat, FAST)) {
            reminders.start();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> chat.countOf(refresh.id()) == 1);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedNotLost() {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        RecordingDelivery chat = new RecordingDelivery();
        chat.failNext(2);
        Reminders reminders = track(Reminders.open(db, chat, FAST));
        reminders.start();

        Reminder approval = Reminder.of(ReminderKind.APPROVAL_EXPIRING, Recipient.approvers(), "prod", "Tableau_Cloud",
                Instant.now().plusMillis(200), "Request req-1 expires in 2 hours.").withReference("req-1");
        reminders.schedule(approval);

        await().atMost(Duration.ofSeconds(30)).until(() -> chat.countOf(approval.id()) == 1);
        assertThat(chat.delivered().get(0).reminder().reference()).isEqualTo("req-1");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> chat.countOf(approval.id()) == 1);
    }

    @Test
    void remindersAreListedPerPersonOrgAndAppAndADeletedAppsAreCancelled() throws Exception {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        RecordingDelivery chat = new RecordingDelivery();
        Reminders reminders = track(Reminders.open(db, chat, FAST));
        reminders.start();
        Instant soon = Instant.now().plusSeconds(1);
        Instant later = Instant.now().plus(Duration.ofDays(30));
        Reminder oldPair = Reminder.of(ReminderKind.OLD_CREDENTIAL_EXPIRING, Recipient.requester(ALICE), "prod", "Tableau_Cloud",
                later, "The old consumer key of Tableau_Cloud stops working in 3 days.");
        Reminder usable = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(ALICE), "prod", "Tableau_Cloud", soon, "usable");
        Reminder other = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(BOB), "prod", "Other_App",
                later.plusMillis(500), "usable");
        Reminder sandbox = Reminder.of(ReminderKind.REVEAL_EXPIRING, Recipient.requester(ALICE), "sandbox", "Tableau_Cloud",
                later.plusSeconds(1), "reveal soon");
        List.of(oldPair, usable, other, sandbox).forEach(reminders::schedule);

        assertThat(reminders.forUser(ALICE)).containsExactly(usable, oldPair, sandbox);
        assertThat(reminders.forOrg("prod")).containsExactly(usable, oldPair, other);
        assertThat(reminders.forApp("prod", "Tableau_Cloud")).containsExactly(usable, oldPair);

        assertThat(reminders.cancelApp("prod", "Tableau_Cloud")).isEqualTo(2);

        assertThat(reminders.forApp("prod", "Tableau_Cloud")).isEmpty();
        assertThat(reminders.forUser(ALICE)).containsExactly(sandbox);
        assertThat(quartzJobsNamed(db, usable.id())).isZero();
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> chat.delivered().isEmpty());
    }

    @Test
    void schedulingTheSameReminderIdTwiceSchedulesItOnce() throws Exception {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        Reminders reminders = track(Reminders.open(db, new RecordingDelivery(), FAST));
        Reminder r = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(ALICE), "prod", "App",
                Instant.now().plusSeconds(3600), "usable").withId("usable:req-1");
        assertThat(reminders.schedule(r)).isTrue();
        assertThat(reminders.schedule(r.withReference("again"))).isFalse();
        assertThat(reminders.forApp("prod", "App")).containsExactly(r);
        assertThat(quartzJobsNamed(db, "usable:req-1")).isEqualTo(1);
    }

    @Test
    void aReminderSavedButNeverGivenATriggerIsScheduledOnStart() throws Exception {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        try (Connection c = db.dataSource().getConnection()) {   // the bot crashed between saving and scheduling
            c.createStatement().executeUpdate("INSERT INTO reminders (reminder_id, kind, recipient_type, recipient, org, "
                    + "api_name, due_at, message, state) VALUES ('orphan', 'APP_USABLE', 'REQUESTER', 'slack:U_ALICE', "
                    + "'prod', 'App', CURRENT_TIMESTAMP, 'App is usable now.', 'SCHEDULED')");
        }
        RecordingDelivery chat = new RecordingDelivery();
        Reminders reminders = track(Reminders.open(db, chat, FAST));
        reminders.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> chat.countOf("orphan") == 1);
    }

    @Test
    void aHousekeepingTaskRunsAtItsInterval() {
        Database db = track(Database.inMemory("reminders-" + UUID.randomUUID()));
        Reminders reminders = track(Reminders.open(db, new RecordingDelivery(), FAST));
        AtomicInteger sweeps = new AtomicInteger();
        reminders.every("expire-reveal-offers", Duration.ofMillis(200), sweeps::incrementAndGet);
        reminders.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps.get() >= 2);
    }

    static int quartzJobsNamed(Database db, String name) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM qrtz_job_details WHERE job_name = '" + name + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
