package dev.ecabot.conversation.message;

import java.util.Objects;

/** One option of a choice: the value sent back when picked, the label shown, an optional one-line hint. */
public record Option(String value, String label, String hint) {

    public Option {
        Objects.requireNonNull(value, "value");
        label = label == null || label.isBlank() ? value : label;
        hint = hint == null || hint.isBlank() ? null : hint;
    }

    public static Option of(String value, String label) {
        return new Option(value, label, null);
    }
}
