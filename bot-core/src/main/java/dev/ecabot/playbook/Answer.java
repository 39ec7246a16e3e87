package dev.ecabot.playbook;

import java.util.Objects;

/**
 * One answer to a question: its typed value (String, Boolean, Integer, List of String, or List of
 * {@link dev.ecabot.eca.TrustedIpRange}, per {@link QuestionType}) and its canonical text, which parses back to
 * the same value (store the text, re-parse on load). Immutable.
 */
public record Answer(Object value, String text) {

    public Answer {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
