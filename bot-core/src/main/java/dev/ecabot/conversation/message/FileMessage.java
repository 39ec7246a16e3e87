package dev.ecabot.conversation.message;

import java.util.Objects;

/**
 * A text file sent in the chat (e.g. an inventory export, or the metadata {@code render} shows): a file name, its
 * media type, its content and a caption. Adapters upload it as a file where the platform can; the terminal prints
 * caption and content. {@code wholeCopy} says where the whole file can be had when a platform shows only its first
 * lines (default: {@code ecabot export}). Never put a secret in it.
 */
public record FileMessage(String fileName, String mediaType, String content, String caption, String wholeCopy)
        implements ChatMessage {

    /** Where an inventory export can be had whole. */
    public static final String EXPORT_COPY = "`ecabot export` on the bot's host writes the whole file.";

    public FileMessage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        caption = caption == null ? "" : caption;
        wholeCopy = wholeCopy == null || wholeCopy.isBlank() ? EXPORT_COPY : wholeCopy;
    }

    public FileMessage(String fileName, String mediaType, String content, String caption) {
        this(fileName, mediaType, content, caption, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitFile(this);
    }
}
