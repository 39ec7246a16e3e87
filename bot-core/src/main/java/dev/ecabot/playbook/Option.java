package dev.ecabot.playbook;

import java.util.Objects;

/** One option of a choice question: the value stored as the answer and the label shown to people. */
public record Option(String value, String label) {

    public Option {
        Objects.requireNonNull(value, "value");
        label = label == null || label.isBlank() ? value : label;
    }
}
