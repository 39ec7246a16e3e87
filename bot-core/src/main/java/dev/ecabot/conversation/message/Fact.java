package dev.ecabot.conversation.message;

import java.util.Objects;

/** One line of a summary: a label and its value ("Callback URL", "https://..."), grouped by section. */
public record Fact(String section, String label, String value) {

    public Fact {
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
        section = section == null ? "" : section;
    }
}
