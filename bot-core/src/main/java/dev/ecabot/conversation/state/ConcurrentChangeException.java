package dev.ecabot.conversation.state;

/** Another message (perhaps on another bot instance) changed the same conversation first. */
public final class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(ConversationKey key) {
        super("conversation " + key.asString() + " was changed by another message at the same time");
    }
}
