package dev.ecabot.conversation.message;

import java.util.Objects;

/** Plain text, with a tone so adapters can mark warnings and errors (an icon, a colour) their own way. */
public record TextMessage(String text, Tone tone) implements ChatMessage {

    public enum Tone { INFO, WARNING, ERROR }

    public TextMessage {
        Objects.requireNonNull(text, "text");
        tone = tone == null ? Tone.INFO : tone;
    }

    public static TextMessage info(String text) {
        return new TextMessage(text, Tone.INFO);
    }

    public static TextMessage warning(String text) {
        return new TextMessage(text, Tone.WARNING);
    }

    public static TextMessage error(String text) {
        return new TextMessage(text, Tone.ERROR);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitText(this);
    }
}
