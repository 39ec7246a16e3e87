package dev.ecabot.conversation;

import dev.ecabot.conversation.message.InlineText;

import java.util.Map;
import java.util.Objects;

/**
 * Something a person did in chat, in platform-neutral terms: what every adapter turns its inbound payload
 * into before calling {@link ConversationEngine#handle(ChatEvent)}. Four kinds: free text, an explicit
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

    /** A button pressed: the prompt it belonged to ({@link PromptRef#encode()}) and the option's value. */
    record Choice(ChatUser user, ChatPlace place, String promptId, String value) implements ChatEvent {
        public Choice {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(promptId, "promptId");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A form sent back: the form's id ({@link PromptRef#encode()}) and the raw text of each field, by field id. */
    record FormSubmission(ChatUser user, ChatPlace place, String formId, Map<String, String> values)
            implements ChatEvent {
        public FormSubmission {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(formId, "formId");
            values = values.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> e.getValue() == null ? "" : InlineText.clean(e.getValue())));
        }
    }
}
