package dev.ecabot.playbook;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing one raw answer: the typed {@link Answer}, nothing (an optional question left blank),
 * or an error message that names the question, says what is wrong and how to fix it, e.g.
 * {@code callback_url: 'http://x' must start with https://}.
 */
public final class ParseResult {

    private final Answer answer;
    private final String error;

    private ParseResult(Answer answer, String error) {
        this.answer = answer;
        this.error = error;
    }

    public static ParseResult of(Answer answer) {
        return new ParseResult(Objects.requireNonNull(answer), null);
    }

    /** An optional question left unanswered. */
    public static ParseResult skipped() {
        return new ParseResult(null, null);
    }

    public static ParseResult error(String message) {
        return new ParseResult(null, Objects.requireNonNull(message));
    }

    public boolean isValid() {
        return error == null;
    }

    /** The answer; empty when invalid or skipped. */
    public Optional<Answer> answer() {
        return Optional.ofNullable(answer);
    }

    /** The error message (starting with the question id); empty when valid. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return error != null ? error : answer == null ? "(skipped)" : answer.text();
    }
}
