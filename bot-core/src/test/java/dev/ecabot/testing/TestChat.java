package dev.ecabot.testing;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.SecretReveal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-memory chat platform for tests: a {@link ChatPort} that records every message, edit and reveal, plus
 * people who talk to an engine, so tests read like conversations:
 * <pre>{@code chat.as("alice").says("new vonage-ai-studio demo"); assertThat(chat.as("alice").lastText())...}</pre>
 * Connect it to the engine's entry point with {@link #connect(Consumer)}. Thread-safe (provisioning posts from a
 * background thread).
 */
public final class TestChat implements ChatPort {

    public static final String PLATFORM = "test";

    /** One recorded post or edit: who it was for, which message (ref id), and what it said. */
    public record Entry(ChatAddress to, String refId, ChatMessage message, boolean edit) { }

    /** One recorded reveal of a secret to a person. */
    public record Reveal(ChatAddress to, SecretReveal reveal) { }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Reveal> reveals = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private Consumer<ChatEvent> engine = e -> {
        throw new IllegalStateException("connect the test chat to an engine first");
    };

    /** Where the people's events go: usually {@code engine::handle}. */
    public TestChat connect(Consumer<ChatEvent> entryPoint) {
        this.engine = entryPoint;
        return this;
    }

    /** A person called {@code name} (id and display name), speaking in a direct message with the bot. */
    public Person as(String name) {
        ChatUser user = new ChatUser(PLATFORM, name.toLowerCase(Locale.ROOT), capitalised(name),
                name.toLowerCase(Locale.ROOT) + "@example.com");
        return new Person(this, user, ChatPlace.direct("dm-" + user.id()));
    }

    void send(ChatEvent event) {
        engine.accept(event);
    }

    /**
     * The bot's process is killed (kill -9) at the moment it sends a message: thrown from the port, it stops the
     * sending thread like a dead process, with nothing after it run and nothing recorded as failed.
     */
    public static final class Killed extends Error {
        Killed() {
            super("killed by the test");
        }
    }

    private volatile java.util.function.Predicate<ChatMessage> killAt = m -> false;

    /** The next post or edit matching {@code when} kills the sending thread (see {@link Killed}); once. */
    public TestChat killTheBotWhenItSends(java.util.function.Predicate<ChatMessage> when) {
        this.killAt = when;
        return this;
    }

    private volatile boolean killed;

    /** The bot's process dies now, elsewhere than at a message (a step of the provisioning saga): throw what this returns. */
    Killed killedElsewhere() {
        killed = true;
        return new Killed();
    }

    private void maybeKilled(ChatMessage message) {
        if (killAt.test(message)) {
            killAt = m -> false;
            killed = true;
            throw new Killed();
        }
    }

    /** Waits (up to 10 s) until the kill asked by {@link #killTheBotWhenItSends} happened. */
    public void awaitTheKill() {
        org.awaitility.Awaitility.await().dontCatchUncaughtExceptions().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> killed);
    }

    private volatile boolean forms;

    /** From now on this chat shows whole forms (as Slack's modals and Teams' cards do); by default it does not. */
    public TestChat showingForms() {
        forms = true;
        return this;
    }

    @Override
    public boolean showsForms(String platform) {
        return forms;
    }

    @Override
    public synchronized MessageRef post(ChatAddress to, ChatMessage message) {
        maybeKilled(message);
        String id = "m" + ids.incrementAndGet();
        entries.add(new Entry(to, id, message, false));
        return new MessageRef(to, id);
    }

    @Override
    public synchronized void edit(MessageRef ref, ChatMessage message) {
        maybeKilled(message);
        entries.add(new Entry(ref.address(), ref.id(), message, true));
    }

    @Override
    public synchronized void reveal(ChatAddress to, SecretReveal reveal) {
        reveals.add(new Reveal(to, reveal));
    }

    /** Everything recorded so far, in order. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Reveal> reveals() {
        return List.copyOf(reveals);
    }

    synchronized int size() {
        return entries.size();
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
