package dev.ecabot.conversation.approvals;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalOutcome;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;

import java.util.Optional;

/**
 * {@code deny <request> <reason>} (or the card's Deny button): an approver refuses a request; without a reason it
 * asks for one, since the requester is told it. Never the requester's own request; only approvers for its org.
 */
public final class DenyCommand implements ChatCommand {

    private final Approvals approvals;
    private final ApprovalFlow flow;
    private final PendingApprovals pending;

    public DenyCommand(Approvals approvals, ApprovalFlow flow, PendingApprovals pending) {
        this.approvals = approvals;
        this.flow = flow;
        this.pending = pending;
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
        return "deny a request, saying why (the requester is told)";
    }

    @Override
    public void run(CommandCall call) {
        ChatUserRef me = ApprovalFlow.refOf(call.event().user());
        String[] parts = call.arguments().split("\\s+", 2);
        if (parts[0].isEmpty()) {
            call.replies().warn("Say \"deny <request> <reason>\" with the request id from its approval card."
                    + pending.line(me));
            return;
        }
        Optional<ApprovalRequest> request = approvals.find(parts[0]);
        if (request.isEmpty()) {
            call.replies().warn("There is no approval request " + parts[0] + "." + pending.line(me));
            return;
        }
        String reason = parts.length > 1 ? parts[1].strip() : "";
        if (reason.isEmpty() && approvals.mayDecide(me, request.get())
                && request.get().state() == ApprovalRequest.State.PENDING) {
            call.replies().send(DenyReasons.form(request.get().id()));
            return;
        }
        ApprovalOutcome outcome = approvals.deny(request.get().id(), me, reason);
        if (outcome instanceof ApprovalOutcome.Denied denied) {
            call.replies().say(outcome.message());
            flow.denied(denied.request(), call.event().user());
        } else {
            call.replies().warn(outcome.message());
        }
    }
}
