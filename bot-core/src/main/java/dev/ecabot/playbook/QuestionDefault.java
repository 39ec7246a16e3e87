package dev.ecabot.playbook;

import java.util.Objects;

/** A question's default: a literal answer text, or a value derived from an earlier answer. */
public sealed interface QuestionDefault {

    /** A fixed default, as the text a person would type (e.g. "no", "30", "Local"). */
    record Literal(String text) implements QuestionDefault {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A default computed from the answer to question {@code from}: {@code API_NAME} turns a label into an API
     * name (spaces to underscores, then the API name rules), {@code COPY} reuses the answer's text.
     */
    record Derived(String from, Transform transform) implements QuestionDefault {
        public Derived {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(transform, "transform");
        }
    }

    enum Transform {
        API_NAME("api-name"), COPY("copy");

        private final String yamlName;

        Transform(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public static Transform fromYaml(String name) {
            for (Transform t : values()) {
                if (t.yamlName.equals(name)) return t;
            }
            throw new IllegalArgumentException("'" + name + "' is not a default transform; use api-name or copy");
        }
    }
}
