package dev.ecabot.conversation;

import dev.ecabot.conversation.message.InlineText;

import java.util.Map;
import java.util.Objects;

/**
 * Something a person did in chat, in platform-neutral terms: what every adapter turns its inbound payload
 * into before calling {@link dev.ecabot.conversation.engine.ConversationEngine#handle(ChatEvent)}. Four kinds: free text, an explicit
 * command (a slash command), a button choice answering a prompt, and a submitted form.
 */
public sealed interface ChatEvent {

    ChatUser user();

    ChatPlace place();

    default ChatAddress replyTo() {
        return new ChatAddress(user(), place());
    }

    /** What a button or form answered, decoded by the one codec; empty for typed text and commands. */
    default java.util.Optional<PromptRef> prompt() {
        if (this instanceof Choice c) return java.util.Optional.of(PromptRef.decode(c.promptId()));
        if (this instanceof FormSubmission f) return java.util.Optional.of(PromptRef.decode(f.formId()));
        return java.util.Optional.empty();
    }

    /** A message typed in the conversation; it may still be a command word ("new vonage"). */
    record Text(ChatUser user, ChatPlace place, String text) implements ChatEvent {
        public Text {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(place, "place");
            text = text == null ? "" : InlineText.clean(text).strip(); // nobody types a mention the bot would render
        }
    }

    /** A command the platform marked as one (e.g. Slack's {@code /ecabot new vonage}): name and the rest. */
    record Command(ChatUser user, ChatPlace place, String name, String arguments) implements ChatEvent {
        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(place, "place");
            name = ChatUser.requireText(name, "name").strip();
            arguments = arguments == null ? "" : InlineText.clean(arguments).strip();
        }
    }

    /**
     * A button pressed: the prompt it belonged to ({@link PromptRef#encode()}) and the option's value; {@code label}
     * is what the button said, as the platform reports it (null when it does not), for the engine's words about it.
     */
    record Choice(ChatUser user, ChatPlace place, String promptId, String value, String label) implements ChatEvent {
        public Choice {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(value, "value");
            label = label == null || label.isBlank() ? null : InlineText.clean(label);
        }

        public Choice(ChatUser user, ChatPlace place, String promptId, String value) {
            this(user, place, promptId, value, null);
        }

        /** What the button said, else its value. */
        public String shown() {
            return label == null ? value : label;
        }
    }

    /**
     * A form sent back: the form's id ({@link PromptRef#encode()}) and the raw text of each field, by field id (in the
     * order given); {@code labels} are the fields' labels as the platform reports them (field id -> label; may be
     * empty), for the engine's words about the answered form.
     */
    record FormSubmission(ChatUser user, ChatPlace place, String formId, Map<String, String> values,
                          Map<String, String> labels) implements ChatEvent {
        public FormSubmission {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(formId, "formId");
            Map<String, String> cleaned = new java.util.LinkedHashMap<>();
            values.forEach((id, value) -> cleaned.put(id, value == null ? "" : InlineText.clean(value)));
            values = java.util.Collections.unmodifiableMap(cleaned);
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            (labels == null ? Map.<String, String>of() : labels).forEach((id, label) -> {
                if (label != null) shown.put(id, InlineText.clean(label));
            });
            labels = java.util.Collections.unmodifiableMap(shown);
        }

        public FormSubmission(ChatUser user, ChatPlace place, String formId, Map<String, String> values) {
            this(user, place, formId, values, Map.of());
        }
    }
}
