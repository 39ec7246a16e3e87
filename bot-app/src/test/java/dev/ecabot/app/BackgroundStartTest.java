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
