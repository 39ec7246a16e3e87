package dev.ecabot.conversation.command;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.state.ConversationKey;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One run of a command: the event that asked for it, its argument text, and where to reply. */
public record CommandCall(ChatEvent event, String arguments, Replies replies) {

    /**
     * The prompt id for a button (e.g. a confirmation) that runs {@code command} again with {@code arguments} plus
     * the pressed option's value, so "confirm" on "delete Vonage_Prod demo" runs {@code delete Vonage_Prod demo confirm}.
     */
    public static String promptId(String command, String arguments) {
        return dev.ecabot.conversation.PromptRef.Command.of(command, arguments).encode();
    }

    public CommandCall {
        Objects.requireNonNull(event, "event");
        arguments = arguments == null ? "" : arguments.strip();
        Objects.requireNonNull(replies, "replies");
    }

    /** The arguments split on white space; empty when there are none. */
    public List<String> words() {
        return arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split("\\s+"));
    }

    public ConversationKey conversationKey() {
        return ConversationKey.of(event);
    }
}
