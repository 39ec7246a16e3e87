package dev.ecabot.conversation.message;

import java.util.List;
import java.util.Objects;

/**
 * One field of a form: id (the key in the submission), label, type, the default to pre-fill (nullable),
 * whether an answer is required, a help line (nullable), options for CHOICE/YES_NO/LIST fields, the error
 * from the previous attempt (nullable) to show beside the field, and what was typed in that attempt (nullable):
 * a form that shows fields (a card) puts it back in the field to be fixed, while an empty answer still takes the
 * default.
 */
public record FormField(String id, String label, FieldType type, String defaultValue, boolean required,
                        String help, List<Option> options, String error, String typed) {

    public FormField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A field asked for the first time (nothing typed before). */
    public FormField(String id, String label, FieldType type, String defaultValue, boolean required,
                     String help, List<Option> options, String error) {
        this(id, label, type, defaultValue, required, help, options, error, null);
    }
}
