package dev.ecabot.playbook;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code when:} condition on earlier answers: every clause must hold. A clause names a question and expects
 * one of some values (a list answer matches when it contains one of them), that it was answered or not, or a
 * number above/below a bound. An unanswered question satisfies only {@code answered: false}. Immutable.
 */
public record Condition(Map<String, Expectation> clauses) {

    private static final Condition ALWAYS = new Condition(Map.of());

    public Condition {
        clauses = Collections.unmodifiableMap(new LinkedHashMap<>(clauses));
    }

    public static Condition always() {
        return ALWAYS;
    }

    public boolean isAlways() {
        return clauses.isEmpty();
    }

    /** The question ids this condition reads. */
    public Set<String> questionIds() {
        return clauses.keySet();
    }

    public boolean holds(Answers answers) {
        for (Map.Entry<String, Expectation> clause : clauses.entrySet()) {
            if (!clause.getValue().matches(answers.value(clause.getKey()))) return false;
        }
        return true;
    }

    /** What one clause expects of an answer (null when unanswered). */
    public sealed interface Expectation {
        boolean matches(Object answer);

        /** How a person would say it, e.g. "is chatgpt or other". */
        String describe();
    }

    /** The answer equals one of {@code values} (compared as text), or a list answer contains one of them. */
    public record OneOf(List<String> values) implements Expectation {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public boolean matches(Object answer) {
            if (answer == null) return false;
            if (answer instanceof Collection<?> many) {
                return many.stream().anyMatch(v -> values.contains(String.valueOf(v)));
            }
            return values.contains(String.valueOf(answer));
        }

        @Override
        public String describe() {
            return "is " + String.join(" or ", values.stream().map(v -> switch (v) {
                case "true" -> "yes";
                case "false" -> "no";
                default -> v;
            }).toList());
        }
    }

    /** {@code answered: true} holds when the question has an answer; {@code false} when it has none. */
    public record Answered(boolean expected) implements Expectation {
        @Override
        public boolean matches(Object answer) {
            boolean answered = answer != null && !(answer instanceof Collection<?> c && c.isEmpty());
            return answered == expected;
        }

        @Override
        public String describe() {
            return expected ? "is answered" : "is not answered";
        }
    }

    /** A number answer strictly greater than {@code bound}. */
    public record GreaterThan(long bound) implements Expectation {
        @Override
        public boolean matches(Object answer) {
            return answer instanceof Number n && n.longValue() > bound;
        }

        @Override
        public String describe() {
            return "is above " + bound;
        }
    }

    /** A number answer strictly less than {@code bound}. */
    public record LessThan(long bound) implements Expectation {
        @Override
        public boolean matches(Object answer) {
            return answer instanceof Number n && n.longValue() < bound;
        }

        @Override
        public String describe() {
            return "is below " + bound;
        }
    }

    /** E.g. "mcp_client is chatgpt or other and require_secret is yes"; "always" when there are no clauses. */
    @Override
    public String toString() {
        if (clauses.isEmpty()) return "always";
        StringBuilder out = new StringBuilder();
        clauses.forEach((id, e) -> out.append(out.length() == 0 ? "" : " and ").append(id).append(' ').append(e.describe()));
        return out.toString();
    }
}
