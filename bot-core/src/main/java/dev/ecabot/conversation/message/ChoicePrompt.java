package dev.ecabot.conversation.message;

import java.util.List;
import java.util.Objects;

/**
 * A question answered by picking one option (buttons, a menu, a numbered list). The answer comes back as a
 * {@code ChatEvent.Choice} carrying this prompt's {@code id} and the option's value; typing the value or the
 * label works too. {@code defaultValue} (nullable) is the option suggested when the person has no preference.
 * {@code error} (nullable) says why the previous answer was refused.
 */
public record ChoicePrompt(String id, String prompt, List<Option> options, String defaultValue, String error)
        implements ChatMessage {

    public ChoicePrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        options = List.copyOf(options);
        if (options.isEmpty()) throw new IllegalArgumentException("a choice needs at least one option");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitChoice(this);
    }
}
