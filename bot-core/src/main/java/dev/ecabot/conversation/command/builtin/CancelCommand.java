package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;

import java.util.Optional;

/**
 * {@code cancel}: drops the conversation in progress (withdrawing its approval request, if one waits); nothing is
 * created. Too late once provisioning started.
 */
public final class CancelCommand implements ChatCommand {

    private final ConversationStore store;
    private final NewAppDialogue dialogue;
    private final ApprovalFlow approvalFlow;

    public CancelCommand(ConversationStore store, NewAppDialogue dialogue, ApprovalFlow approvalFlow) {
        this.store = store;
        this.dialogue = dialogue;
        this.approvalFlow = approvalFlow;
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String usage() {
        return "cancel";
    }

    @Override
    public String summary() {
        return "stop the conversation in progress (nothing is created)";
    }

    @Override
    public void run(CommandCall call) {
        Optional<ConversationState> state = store.find(call.conversationKey());
        if (state.isEmpty()) {
            call.replies().say("There is nothing to cancel: no conversation in progress.");
        } else if (state.get().stage() == Stage.AWAITING_APPROVAL) {
            approvalFlow.withdraw(state.get(), call.replies());
        } else if (state.get().stage() == Stage.PROVISIONING) {
            call.replies().warn("Too late to cancel: the app " + dialogue.subject(state.get())
                    + " is being created right now. I will tell you when it is done.");
        } else {
            store.delete(call.conversationKey());
            call.replies().say("Cancelled the conversation " + dialogue.subject(state.get())
                    + ". Nothing was created.");
        }
    }
}
