package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.state.ConversationStore;

/** {@code status}: where the conversation in progress stands and what it waits for. */
public final class StatusCommand implements ChatCommand {

    private final ConversationStore store;
    private final NewAppDialogue dialogue;

    public StatusCommand(ConversationStore store, NewAppDialogue dialogue) {
        this.store = store;
        this.dialogue = dialogue;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status";
    }

    @Override
    public String summary() {
        return "where your conversation in progress stands";
    }

    @Override
    public void run(CommandCall call) {
        store.find(call.conversationKey()).ifPresentOrElse(
                state -> {
                    call.replies().say(dialogue.describe(state));
                    dialogue.repeatPrompt(state, call.replies());
                },
                () -> call.replies().say("No conversation in progress. Say \"new\" to set up an app."));
    }
}
