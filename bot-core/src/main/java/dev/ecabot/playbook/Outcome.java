package dev.ecabot.playbook;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** Either a value or the problems that prevented it (at least one). Immutable. */
public final class Outcome<T> {

    private final T value;
    private final List<Problem> problems;

    private Outcome(T value, List<Problem> problems) {
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Objects.requireNonNull(value), List.of());
    }

    public static <T> Outcome<T> failed(List<Problem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a failed outcome needs at least one problem");
        return new Outcome<>(null, problems);
    }

    public boolean isOk() {
        return value != null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The value, or an exception listing every problem. */
    public T orElseThrow() {
        if (value == null) throw new NoSuchElementException(String.join("; ", problems.stream().map(Problem::toString).toList()));
        return value;
    }

    /** The problems, in question order; empty when ok. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return value != null ? "ok: " + value : "problems: " + problems;
    }
}
