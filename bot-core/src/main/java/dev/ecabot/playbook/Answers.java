package dev.ecabot.playbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers given so far in one playbook run, by question id, in the order they were given, plus the optional
 * questions that were asked and left blank ("skipped"). Immutable: {@link #with}, {@link #skip} and
 * {@link #without} return new instances. Persist {@link #texts()} and restore with {@link Playbook#answersFromTexts}.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Map.of(), Set.of());

    private final Map<String, Answer> byQuestion;
    private final Set<String> skipped;

    private Answers(Map<String, Answer> byQuestion, Set<String> skipped) {
        this.byQuestion = byQuestion;
        this.skipped = skipped;
    }

    public static Answers empty() {
        return EMPTY;
    }

    /** These answers plus {@code answer} for {@code questionId} (replacing an earlier answer or skip). */
    public Answers with(String questionId, Answer answer) {
        Map<String, Answer> copy = new LinkedHashMap<>(byQuestion);
        copy.remove(questionId);
        copy.put(questionId, answer);
        return new Answers(Collections.unmodifiableMap(copy), without(skipped, questionId));
    }

    /** These answers with {@code questionId} marked as asked and left blank (an optional question). */
    public Answers skip(String questionId) {
        Map<String, Answer> copy = new LinkedHashMap<>(byQuestion);
        copy.remove(questionId);
        Set<String> skips = new LinkedHashSet<>(skipped);
        skips.add(questionId);
        return new Answers(Collections.unmodifiableMap(copy), Collections.unmodifiableSet(skips));
    }

    /** Records a successful {@link ParseResult}: its answer, or a skip when it has none. */
    public Answers record(String questionId, ParseResult result) {
        if (!result.isValid()) throw new IllegalArgumentException("cannot record an invalid answer: " + result);
        return result.answer().map(a -> with(questionId, a)).orElseGet(() -> skip(questionId));
    }

    /** These answers without any answer or skip for {@code questionId} (to ask it again). */
    public Answers without(String questionId) {
        if (!byQuestion.containsKey(questionId) && !skipped.contains(questionId)) return this;
        Map<String, Answer> copy = new LinkedHashMap<>(byQuestion);
        copy.remove(questionId);
        return new Answers(Collections.unmodifiableMap(copy), without(skipped, questionId));
    }

    public boolean has(String questionId) {
        return byQuestion.containsKey(questionId);
    }

    /** True when the question was answered or deliberately left blank: it need not be asked again. */
    public boolean isSettled(String questionId) {
        return byQuestion.containsKey(questionId) || skipped.contains(questionId);
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

    /** Question id to canonical text, in answer order, skipped questions as "": the form to persist or show. */
    public Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        byQuestion.forEach((id, a) -> out.put(id, a.text()));
        skipped.forEach(id -> out.put(id, ""));
        return Collections.unmodifiableMap(out);
    }

    /** The answers by question id (skips not included). */
    public Map<String, Answer> asMap() {
        return byQuestion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers other && byQuestion.equals(other.byQuestion) && skipped.equals(other.skipped);
    }

    @Override
    public int hashCode() {
        return byQuestion.hashCode() * 31 + skipped.hashCode();
    }

    @Override
    public String toString() {
        return texts().toString();
    }

    private static Set<String> without(Set<String> set, String id) {
        if (!set.contains(id)) return set;
        Set<String> copy = new LinkedHashSet<>(set);
        copy.remove(id);
        return Collections.unmodifiableSet(copy);
    }
}
