package dev.ecabot.conversation.message;

import java.util.List;
import java.util.Objects;

/**
 * A form: fields answered together and sent back as one {@code ChatEvent.FormSubmission} carrying this
 * form's {@code id}. A form with a single field may also be answered by typing the value as a message;
 * an empty answer takes the field's default.
 */
public record FormPrompt(String id, String title, List<FormField> fields) implements ChatMessage {

    public FormPrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) throw new IllegalArgumentException("a form needs at least one field");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitForm(this);
    }
}
