package dev.ecabot.conversation.message;

import java.util.List;
import java.util.Objects;

/**
 * One field of a form: id (the key in the submission), label, type, the default to pre-fill (nullable),
 * whether an answer is required, a help line (nullable), options for CHOICE/YES_NO fields, and the error
 * from the previous attempt (nullable) to show beside the field.
 */
public record FormField(String id, String label, FieldType type, String defaultValue, boolean required,
                        String help, List<Option> options, String error) {

    public FormField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
    }
}
