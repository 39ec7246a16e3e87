package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.TextMessage;

import java.util.Objects;

/** The port bound to one person and place: how commands and dialogues answer the message they handle. */
public final class Replies {

    private final ChatPort port;
    private final ChatAddress to;

    public Replies(ChatPort port, ChatAddress to) {
        this.port = Objects.requireNonNull(port, "port");
        this.to = Objects.requireNonNull(to, "to");
    }

    public MessageRef send(ChatMessage message) {
        return port.post(to, message);
    }

    public void say(String text) {
        send(TextMessage.info(text));
    }

    public void warn(String text) {
        send(TextMessage.warning(text));
    }

    public void error(String text) {
        send(TextMessage.error(text));
    }

    public ChatAddress address() {
        return to;
    }

    public ChatPort port() {
        return port;
    }
}
