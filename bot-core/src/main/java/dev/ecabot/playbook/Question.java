package dev.ecabot.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question a playbook asks: its id (what the template and conditions refer to), the prompt and help shown to
 * the requester, the answer type, options for choices, a default, whether an answer is required, extra
 * validation, and a {@code when} condition on earlier answers. Immutable; parsing is thread-safe.
 */
public record Question(
        String id,
        String prompt,
        String help,
        QuestionType type,
        List<Option> options,
        QuestionDefault defaultValue,
        boolean required,
        Validation validation,
        Condition when) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
        validation = validation == null ? Validation.none() : validation;
        when = when == null ? Condition.always() : when;
    }

    /** True when this question is asked given the answers so far (its {@code when} condition holds). */
    public boolean isAsked(Answers soFar) {
        return when.holds(soFar);
    }

    /** The default answer given the answers so far (a derived default needs its source answered). */
    public Optional<Answer> defaultValue(Answers soFar) {
        if (defaultValue == null) return Optional.empty();
        String text;
        if (defaultValue instanceof QuestionDefault.Literal literal) {
            text = literal.text();
        } else {
            QuestionDefault.Derived derived = (QuestionDefault.Derived) defaultValue;
            String source = soFar.text(derived.from());
            if (source == null) return Optional.empty();
            text = switch (derived.transform()) {
                case API_NAME -> AnswerParser.deriveApiName(source);
                case COPY -> source;
            };
        }
        return AnswerParser.parse(this, text).answer();
    }

    /**
     * Parses a raw answer as typed by a person. Blank text means "use the default" when there is one, "skip" for an
     * optional question, and an error for a required one. Errors start with this question's id.
     */
    public ParseResult parse(String raw, Answers soFar) {
        if (raw == null || raw.isBlank()) {
            Optional<Answer> fallback = defaultValue(soFar);
            if (fallback.isPresent()) return ParseResult.of(fallback.get());
            return required
                    ? ParseResult.error(id + ": an answer is required (" + prompt.strip() + ")")
                    : ParseResult.skipped();
        }
        return AnswerParser.parse(this, raw);
    }

    /**
     * True when a missing answer must be reported: the question is required, it is not the org question (the org
     * is where an app is deployed, not part of it, so rendering does not need it), and its default does not merely
     * wait for an earlier answer that is itself missing (that one is reported instead).
     */
    boolean missingAnswerIsAProblem(Answers soFar) {
        if (!required || type == QuestionType.ORG) return false;
        return !(defaultValue instanceof QuestionDefault.Derived derived && !soFar.has(derived.from()));
    }

    /** The option whose value is {@code value}, if any. */
    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
