package dev.ecabot.conversation.command.builtin;

import dev.ecabot.approval.ApprovalOutcome;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.dialogue.UserRefs;

import java.util.Optional;

/**
 * {@code approve <request>} (or the card's Approve button, which also carries the fingerprint of what the approver
 * was shown): records the approval; once all approvals are in, the requester's app is created.
 */
public final class ApproveCommand implements ChatCommand {

    private final Approvals approvals;
    private final NewAppDialogue dialogue;

    public ApproveCommand(Approvals approvals, NewAppDialogue dialogue) {
        this.approvals = approvals;
        this.dialogue = dialogue;
    }

    @Override
    public String name() {
        return "approve";
    }

    @Override
    public String usage() {
        return "approve <request>";
    }

    @Override
    public String summary() {
        return "approve a request waiting for you";
    }

    @Override
    public void run(CommandCall call) {
        if (call.words().isEmpty() || call.words().size() > 2) {
            call.replies().warn("Say \"approve <request>\" with the request id from the approval card.");
            return;
        }
        String id = call.words().get(0);
        Optional<ApprovalRequest> request = approvals.find(id);
        // A typed approval is for the request as it stands; a button carries the fingerprint of the card it was on.
        String seen = call.words().size() == 2 ? call.words().get(1)
                : request.map(ApprovalRequest::fingerprint).orElse("");
        ApprovalOutcome outcome = approvals.approve(id, UserRefs.of(call.event().user()), seen);
        if (outcome instanceof ApprovalOutcome.Refused) {
            call.replies().warn(outcome.message());
            return;
        }
        call.replies().say(outcome.message());
        if (outcome instanceof ApprovalOutcome.Approved approved) {
            dialogue.approved(approved.request(), call.event().user().displayName(), call.replies());
        }
    }
}
