package dev.ecabot.playbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers given so far in one playbook run, by question id, in the order they were given. Immutable:
 * {@link #with} and {@link #without} return new instances. Persist {@link #texts()} and restore with
 * {@link Playbook#answersFromTexts(Map)}.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Map.of());

    private final Map<String, Answer> byQuestion;

    private Answers(Map<String, Answer> byQuestion) {
        this.byQuestion = byQuestion;
    }

    public static Answers empty() {
        return EMPTY;
    }

    /** These answers plus {@code answer} for {@code questionId} (replacing an earlier one). */
    public Answers with(String questionId, Answer answer) {
        Map<String, Answer> copy = new LinkedHashMap<>(byQuestion);
        copy.remove(questionId);
        copy.put(questionId, answer);
        return new Answers(Collections.unmodifiableMap(copy));
    }

    public Answers without(String questionId) {
        if (!byQuestion.containsKey(questionId)) return this;
        Map<String, Answer> copy = new LinkedHashMap<>(byQuestion);
        copy.remove(questionId);
        return new Answers(Collections.unmodifiableMap(copy));
    }

    public boolean has(String questionId) {
        return byQuestion.containsKey(questionId);
    }

    public Optional<Answer> get(String questionId) {
        return Optional.ofNullable(byQuestion.get(questionId));
    }

    /** The typed value, or null when unanswered. */
    public Object value(String questionId) {
        Answer a = byQuestion.get(questionId);
        return a == null ? null : a.value();
    }

    /** The canonical text, or null when unanswered. */
    public String text(String questionId) {
        Answer a = byQuestion.get(questionId);
        return a == null ? null : a.text();
    }

    /** True only when the question was answered yes. */
    public boolean isYes(String questionId) {
        return Boolean.TRUE.equals(value(questionId));
    }

    /** The answered values as a list (a single value becomes a one-element list; unanswered: empty). */
    public List<?> values(String questionId) {
        Object v = value(questionId);
        if (v == null) return List.of();
        return v instanceof List<?> list ? list : List.of(v);
    }

    /** Question id to canonical text, in answer order: the form to persist or show. */
    public Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        byQuestion.forEach((id, a) -> out.put(id, a.text()));
        return Collections.unmodifiableMap(out);
    }

    public Map<String, Answer> asMap() {
        return byQuestion;
    }

    public int size() {
        return byQuestion.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers other && byQuestion.equals(other.byQuestion);
    }

    @Override
    public int hashCode() {
        return byQuestion.hashCode();
    }

    @Override
    public String toString() {
        return texts().toString();
    }
}
