package dev.ecabot.conversation.message;

import java.util.Objects;

/**
 * A text file sent in the chat (e.g. an inventory export): a file name, its media type, its content and a
 * caption. Adapters upload it as a file where the platform can; the terminal prints caption and content.
 * Never put a secret in it.
 */
public record FileMessage(String fileName, String mediaType, String content, String caption) implements ChatMessage {

    public FileMessage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        caption = caption == null ? "" : caption;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitFile(this);
    }
}
