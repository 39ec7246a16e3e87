package dev.ecabot.testing;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.PlainText;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** Messages the bot sent to one person, with their plain-text rendering for readable assertions. */
public record Transcript(List<ChatMessage> messages) {

    public Transcript {
        messages = List.copyOf(messages);
    }

    /** All messages as plain text, one blank line between them. */
    public String text() {
        return messages.stream().map(PlainText::render).collect(Collectors.joining("\n\n"));
    }

    /** The last message of the given kind. */
    public <T extends ChatMessage> T last(Class<T> kind) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (kind.isInstance(messages.get(i))) return kind.cast(messages.get(i));
        }
        throw new NoSuchElementException("no " + kind.getSimpleName() + " in:\n" + text());
    }

    /** The last message that is any of the given kinds. */
    @SafeVarargs
    public final ChatMessage lastOf(Class<? extends ChatMessage>... kinds) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (Class<? extends ChatMessage> k : kinds) {
                if (k.isInstance(messages.get(i))) return messages.get(i);
            }
        }
        throw new NoSuchElementException("no prompt in:\n" + text());
    }

    public <T extends ChatMessage> List<T> all(Class<T> kind) {
        return messages.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public ChatMessage lastMessage() {
        if (messages.isEmpty()) throw new NoSuchElementException("the bot said nothing");
        return messages.get(messages.size() - 1);
    }

    @Override
    public String toString() {
        return text();
    }
}
