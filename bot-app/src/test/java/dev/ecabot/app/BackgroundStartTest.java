package dev.ecabot.app;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.app.terminal.BackgroundWork;
import dev.ecabot.app.terminal.Speaker;
import dev.ecabot.app.terminal.TerminalChat;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ForwardingChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The terminal shows its first prompt before the reminder scheduler is up ({@link BotRuntime#beginInBackground()}):
 * what fell due while the bot was stopped still arrives, once, and a conversation started meanwhile goes on as usual.
 */
class BackgroundStartTest {

    @TempDir
    Path data;

    @Test
    void aReminderOverdueAtStartArrivesOnceWhileTheFirstPromptIsAnswered() throws Exception {
        ChatUserRef alice = new ChatUserRef(dev.ecabot.app.terminal.TerminalSession.PLATFORM, "alice");
        RolesConfig roles = TerminalChatCommand.zeroConfigRoles("alice");
        BackgroundWork work = new BackgroundWork();
        try {
            // An earlier run scheduled a reminder, then stopped before it fell due: it is an hour overdue now.
            try (BotRuntime earlier = BotRuntime.start(new HeldReminders(new TerminalChat(new PrintStream(
                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new Speaker("alice"))), work, data, Map.of(), roles);
                 Reminders unstarted = Reminders.open(earlier.database(), (r, late) -> { }, RemindersSettings.defaults())) {
                unstarted.schedule(Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(alice), "demo", "Vonage_Prod",
                        Instant.now().minus(Duration.ofHours(1)), "check that Vonage_Prod works"));
            }

            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Speaker speaker = new Speaker("alice");
            HeldReminders port = new HeldReminders(new TerminalChat(new PrintStream(screen, true, StandardCharsets.UTF_8), speaker));
            try (BotRuntime bot = BotRuntime.start(port, work, data, Map.of(), roles)) {
              try {
                CompletableFuture<Void> begun = bot.beginInBackground();
                // The overdue reminder is on its way (held at the screen): the background work has not finished.
                await().atMost(Duration.ofMinutes(2)).until(() -> port.reminders.get() == 1);

                ChatPlace place = ChatPlace.direct(dev.ecabot.app.terminal.TerminalSession.PLATFORM);
                bot.engine().handle(new ChatEvent.Text(speaker.current(), place, "new vonage demo"));
                await().atMost(Duration.ofMinutes(1)).until(() -> shown(screen).contains("Let's set up Vonage AI Studio in demo"));
                bot.engine().handle(new ChatEvent.Text(speaker.current(), place, "help"));
                await().atMost(Duration.ofMinutes(1)).until(() -> shown(screen).contains("inventory [org] [vendor]"));
                assertThat(shown(screen)).as("the conversation went on while the reminder waited")
                        .doesNotContain("check that Vonage_Prod works");

                port.release.countDown();
                begun.get(2, TimeUnit.MINUTES);
                await().atMost(Duration.ofMinutes(1)).until(() -> shown(screen).contains("check that Vonage_Prod works"));
              } finally {
                port.release.countDown(); // never leave the scheduler's thread held
              }
            }
            String transcript = shown(screen);
            assertThat(transcript.indexOf("check that Vonage_Prod works")).as("delivered once")
                    .isEqualTo(transcript.lastIndexOf("check that Vonage_Prod works"));
            assertThat(port.reminders).as("posted once").hasValue(1);
        } finally {
            work.shutdownNow();
        }
    }

    @Test
    void anAppCreatedBeforeTheSchedulerExistsHasEachOfItsRemindersScheduledOnceWhenItStarts() throws Exception {
        RolesConfig roles = TerminalChatCommand.zeroConfigRoles("alice");
        BackgroundWork work = new BackgroundWork();
        HeldStart held = new HeldStart();
        try {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            Speaker speaker = new Speaker("alice");
            TerminalChat chat = new TerminalChat(out, speaker);
            try (BotRuntime bot = BotRuntime.start(chat, work, data, Map.of(), roles)) {
                CompletableFuture<Void> begun = bot.beginInBackground(held);
                // Typed at the first prompt, while the scheduler is not even created: the whole walk to a new app.
                String script = String.join("\n", "new vonage demo", "Vonage Prod", "", "ops@example.com", "", "1", "");
                new dev.ecabot.app.terminal.TerminalSession(bot.engine(), chat, work,
                        new java.io.BufferedReader(new java.io.StringReader(script)), out, true, speaker).run();

                assertThat(shown(screen)).as("answered as usual").contains("Done: Vonage Prod (Vonage AI Studio) exists in demo.");
                assertThat(begun).as("the scheduler was still held").isNotDone();
                List<String> scheduled = scheduledReminders(bot.database());
                assertThat(scheduled).as("the new app's reminders wait in the database").isNotEmpty();

                held.release();
                begun.get(2, TimeUnit.MINUTES);
                assertThat(bot.schedulerRunning()).isTrue();
                for (String reminder : scheduled) {
                    assertThat(triggersOf(bot.database(), reminder)).as("triggers of reminder " + reminder).isEqualTo(1);
                }
                assertThat(scheduledReminders(bot.database())).as("none delivered or lost").isEqualTo(scheduled);
            }
        } finally {
            held.release();
            work.shutdownNow();
        }
    }

    private static List<String> scheduledReminders(dev.ecabot.store.Database db) throws java.sql.SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT reminder_id FROM reminders WHERE state = 'SCHEDULED' ORDER BY reminder_id")) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    private static int triggersOf(dev.ecabot.store.Database db, String reminderId) throws java.sql.SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_GROUP = 'reminders' AND JOB_NAME = ?")) {
            ps.setString(1, reminderId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Runs the background start only when released, on its own thread. */
    private static final class HeldStart implements java.util.concurrent.Executor {
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void execute(Runnable start) {
            Thread t = new Thread(() -> {
                try {
                    released.await();
                    start.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "held-start");
            t.setDaemon(true);
            t.start();
        }

        void release() {
            released.countDown();
        }
    }

    private static String shown(ByteArrayOutputStream screen) {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** The terminal, holding each reminder at the screen until released (and counting them). */
    private static final class HeldReminders extends ForwardingChatPort {
        final ChatPort screen;
        final AtomicInteger reminders = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        HeldReminders(ChatPort screen) {
            super(screen);
            this.screen = screen;
        }

        @Override
        public MessageRef post(ChatAddress to, ChatMessage message) {
            if (message instanceof TextMessage text && text.text().startsWith("Reminder:")) {
                reminders.incrementAndGet();
                try {
                    if (!release.await(3, TimeUnit.MINUTES)) throw new IllegalStateException("never released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return screen.post(to, message);
        }

    }
}
