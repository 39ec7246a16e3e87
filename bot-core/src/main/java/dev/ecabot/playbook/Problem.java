package dev.ecabot.playbook;

import java.util.Objects;

/**
 * One thing wrong with a playbook run's answers or its rendering: the question id (or setting) it concerns and what
 * is wrong, phrased so the person can fix it. {@link #toString()} is the one-line form {@code field: message}.
 */
public record Problem(String field, String message) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A problem from a {@link ParseResult} error, whose text already starts with "questionId: ". */
    static Problem fromParseError(String questionId, String error) {
        String prefix = questionId + ": ";
        return new Problem(questionId, error.startsWith(prefix) ? error.substring(prefix.length()) : error);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
