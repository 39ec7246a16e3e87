package dev.ecabot.conversation.command.builtin;

import dev.ecabot.approval.ApprovalOutcome;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.ApprovalCards;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.dialogue.UserRefs;

/** {@code deny <request> <reason>} (or the card's Deny button, which asks for the reason): the requester is told why. */
public final class DenyCommand implements ChatCommand {

    private final Approvals approvals;
    private final NewAppDialogue dialogue;

    public DenyCommand(Approvals approvals, NewAppDialogue dialogue) {
        this.approvals = approvals;
        this.dialogue = dialogue;
    }

    @Override
    public String name() {
        return "deny";
    }

    @Override
    public String usage() {
        return "deny <request> <reason>";
    }

    @Override
    public String summary() {
        return "deny a request, saying why";
    }

    @Override
    public void run(CommandCall call) {
        if (call.words().isEmpty()) {
            call.replies().warn("Say \"deny <request> <reason>\" with the request id from the approval card.");
            return;
        }
        String id = call.words().get(0);
        String reason = call.arguments().substring(id.length()).strip();
        if (reason.isEmpty()) {
            call.replies().send(ApprovalCards.denyReasonForm(id));
            return;
        }
        ApprovalOutcome outcome = approvals.deny(id, UserRefs.of(call.event().user()), reason);
        if (outcome instanceof ApprovalOutcome.Denied denied) {
            call.replies().say(outcome.message());
            dialogue.closedWithoutApproval(denied.request(), "was denied by " + call.event().user().displayName()
                    + ": " + reason + ".", call.replies().port());
        } else {
            call.replies().warn(outcome.message());
        }
    }
}
