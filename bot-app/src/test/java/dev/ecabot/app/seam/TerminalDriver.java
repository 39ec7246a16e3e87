package dev.ecabot.app.seam;

import dev.ecabot.access.RolesConfig;
import dev.ecabot.app.BotRuntime;
import dev.ecabot.app.terminal.BackgroundWork;
import dev.ecabot.app.terminal.Speaker;
import dev.ecabot.app.terminal.TerminalChat;
import dev.ecabot.app.terminal.TerminalSession;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ForwardingChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The terminal chat as a person at the keyboard drives it: {@link TerminalSession} reading typed lines (`/as` to
 * change who speaks), {@link TerminalChat} printing, on a {@link BotRuntime} built as {@code ecabot chat} builds it.
 * Clicks are what the terminal offers instead of buttons: the requester types "confirm", "reveal", "approve"; someone
 * else can only type the command with the id they read on the shared screen ("reveal &lt;offer&gt;"). What each person
 * saw is recorded between the engine and the terminal's port, unchanged on its way through.
 */
final class TerminalDriver implements ChatDriver {

    private static final Duration LONGEST_TURN = Duration.ofSeconds(60);

    private final TypedLines keyboard = new TypedLines();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    /** Every message posted, with the id of the person it was for. */
    private final List<Posted> posted = new CopyOnWriteArrayList<>();

    private record Posted(String to, ChatMessage message) {
    }
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final BackgroundWork work = new BackgroundWork();
    private final BotRuntime bot;
    private final Thread session;
    private volatile String speaking = "alice";

    TerminalDriver(SeamWorld world, Path dataDir) {
        Speaker speaker = new Speaker(speaking);
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        TerminalChat chat = new TerminalChat(out, speaker);
        bot = BotRuntime.start(new Recorded(chat), work, dataDir, world.env, RolesConfig.empty());
        bot.begin();
        TerminalSession terminal = new TerminalSession(bot.engine(), chat, work, keyboard, out, true, speaker);
        session = new Thread(() -> {
            try {
                terminal.run();
            } catch (Exception e) {
                out.println("terminal session ended: " + e);
            }
        }, "seam-terminal");
        session.setDaemon(true);
        session.start();
        keyboard.awaitIdle(LONGEST_TURN);
    }

    static String granteeOf(String person) {
        return "terminal:" + person;
    }

    @Override
    public String platform() {
        return "terminal";
    }

    @Override
    public String grantee(String person) {
        return granteeOf(person);
    }

    @Override
    public Duration deadline() {
        return null; // the terminal reads the next line once the last one is answered: nothing times out
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    public synchronized Answer say(String person, String text) {
        if (!person.equals(speaking)) {
            keyboard.type("/as " + person);
            speaking = person;
        }
        long started = System.nanoTime();
        keyboard.type(text);
        boolean answered = keyboard.awaitIdle(LONGEST_TURN);
        Answer answer = new Answer(answered ? 0 : -1, Duration.ofNanos(System.nanoTime() - started));
        answers.add(answer);
        return answer;
    }

    @Override
    public Answer sayInChannel(String person, String text) {
        return say(person, text); // one screen everyone at the keyboard reads: the terminal's "channel" is itself
    }

    @Override
    public Answer answer(String person, String value) {
        return say(person, value);
    }

    /** What the terminal lets people type instead of pressing: the owner's word, or the command anyone can type. */
    private record Typed(String ownerLine, String othersLine) {
    }

    @Override
    public Optional<Button> button(String viewer, ButtonKind kind) {
        List<Posted> all = List.copyOf(posted);
        for (int i = all.size() - 1; i >= 0; i--) {
            ChatMessage message = all.get(i).message();
            Typed typed = switch (kind) {
                case CREATE -> message instanceof Confirmation ? new Typed("confirm", "confirm") : null;
                case REVEAL -> message instanceof RevealOffer offer ? new Typed("reveal", "reveal " + offer.offerId()) : null;
                case APPROVE -> message instanceof ApprovalCard card && card.decidable()
                        ? new Typed("approve", "approve " + card.requestId()) : null;
            };
            if (typed != null && all.get(i).to().equals(viewer)) return Optional.of(new Button(kind, viewer, typed));
        }
        return Optional.empty();
    }

    @Override
    public Answer click(String person, Button button) {
        Typed typed = (Typed) button.handle();
        return say(person, person.equals(button.viewer()) ? typed.ownerLine() : typed.othersLine());
    }

    @Override
    public Answer redeliverLast() {
        throw new UnsupportedOperationException("a keyboard does not deliver a line twice");
    }

    @Override
    public List<String> seen(String person) {
        return shown.stream().filter(s -> s.viewer().equals(person)).map(Shown::text).toList();
    }

    @Override
    public List<Shown> shown() {
        return List.copyOf(shown);
    }

    @Override
    public List<String> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void fail(Send kind, Fault fault, int times) {
        throw new UnsupportedOperationException("printing to the terminal cannot be rate-limited or fail");
    }

    @Override
    public void refuse(Send kind, Refusal refusal, int times) {
        throw new UnsupportedOperationException("the terminal prints what it is given: nothing refuses a message");
    }

    @Override
    public int attempts(Send kind) {
        throw new UnsupportedOperationException("the terminal prints within the turn: there is no send to count");
    }

    @Override
    public List<String> overLimit() {
        return List.of(); // a terminal prints a line of any length, and any number of them
    }

    @Override
    public List<String> disguisedLinks(String viewer) {
        return List.of(); // plain text: markup is printed as typed, a bare address at most is made clickable as itself
    }

    @Override
    public void slow(boolean on) {
        throw new UnsupportedOperationException("the terminal is as fast as the screen");
    }

    @Override
    public int undelivered() {
        return 0; // printed in the turn, or the turn failed where the person saw it
    }

    /** The transcript, for a failing test's message. */
    String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        keyboard.end();
        try {
            session.join(LONGEST_TURN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.shutdownNow();
        bot.close();
    }

    /** Records what goes to the terminal, per addressee, and passes it on unchanged. */
    private final class Recorded extends ForwardingChatPort {
        private final ChatPort terminal;

        Recorded(ChatPort terminal) {
            super(terminal);
            this.terminal = terminal;
        }

        @Override
        public MessageRef post(ChatAddress to, ChatMessage message) {
            MessageRef ref = terminal.post(to, message);
            String text = PlainText.render(message);
            posted.add(new Posted(to.user().id(), message));
            delivered.add(to.user().id() + " | " + text);
            shown.add(new Shown(to.user().id(), text));
            return ref;
        }

        @Override
        public void edit(MessageRef ref, ChatMessage message) {
            terminal.edit(ref, message);
            shown.add(new Shown(ref.address().user().id(), PlainText.render(message)));
        }

        @Override
        public void reveal(ChatAddress to, SecretReveal reveal) {
            terminal.reveal(to, reveal);
            shown.add(new Shown(to.user().id(), reveal.label() + ": " + reveal.secret().reveal()));
        }
    }

    /** The keyboard: lines typed by the test, read by the session; idle when the session waits for the next line. */
    private static final class TypedLines extends BufferedReader {
        private final ArrayDeque<String> lines = new ArrayDeque<>();
        private boolean waiting;
        private boolean ended;

        TypedLines() {
            super(Reader.nullReader());
        }

        synchronized void type(String line) {
            lines.add(line);
            waiting = false;
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        @Override
        public synchronized String readLine() {
            while (lines.isEmpty() && !ended) {
                waiting = true;
                notifyAll();
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            waiting = false;
            return lines.poll();
        }

        /** Waits until every typed line was read and answered (the session asks for the next one). */
        synchronized boolean awaitIdle(Duration atMost) {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!(waiting && lines.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
