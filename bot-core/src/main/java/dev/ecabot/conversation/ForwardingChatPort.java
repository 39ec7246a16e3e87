package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.SecretReveal;

import java.util.Objects;

/**
 * A {@link ChatPort} that passes every call on to the port behind it (Guava's forwarding pattern): a port that wraps
 * another (the outbox, a turn's capture, the measured sends, a test's crash) extends this and overrides only what it
 * changes. Without it, each wrapper had to repeat every default method of {@code ChatPort}, and a wrapper that forgot
 * one (say {@link #showsForms}) silently answered the interface's default instead of the platform's: forms became one
 * question at a time. {@code ForwardingChatPortTest} fails when a method of {@code ChatPort} is not forwarded here.
 */
public abstract class ForwardingChatPort implements ChatPort {

    private final ChatPort delegate;

    protected ForwardingChatPort(ChatPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The port behind this one. */
    protected final ChatPort delegate() {
        return delegate;
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        return delegate.post(to, message);
    }

    @Override
    public void edit(MessageRef ref, ChatMessage message) {
        delegate.edit(ref, message);
    }

    @Override
    public void reveal(ChatAddress to, SecretReveal reveal) {
        delegate.reveal(to, reveal);
    }

    @Override
    public void refreshHome(ChatUser user) {
        delegate.refreshHome(user);
    }

    @Override
    public boolean hasHomes(String platform) {
        return delegate.hasHomes(platform);
    }

    @Override
    public boolean serves(String platform) {
        return delegate.serves(platform);
    }

    @Override
    public boolean showsForms(String platform) {
        return delegate.showsForms(platform);
    }
}
