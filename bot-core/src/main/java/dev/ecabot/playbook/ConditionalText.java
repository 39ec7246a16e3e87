package dev.ecabot.playbook;

import java.util.Objects;

/**
 * A text shown only when its condition holds: a warning, a manual step or a next step. The text may refer to
 * answers as {@code ${question_id}}; see {@link TextTemplate}.
 */
public record ConditionalText(String text, Condition when) {

    public ConditionalText {
        Objects.requireNonNull(text, "text");
        when = when == null ? Condition.always() : when;
    }

    public static ConditionalText always(String text) {
        return new ConditionalText(text, Condition.always());
    }
}
