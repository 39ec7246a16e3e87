package dev.ecabot.conversation.approvals;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalOutcome;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;

import java.util.List;
import java.util.Optional;

/**
 * {@code approve} alone shows the request waiting for you (when there is one); {@code approve <request>} (or the card's Approve button, which also names the fingerprint the card showed): an
 * approver's approval of exactly the request they were shown. Once all approvals are in, the request goes to its
 * purpose's handler ({@link ApprovedWork}: the app created, rotated, deleted or updated) and its requester is told.
 * Never the requester's own request; only approvers for the request's org.
 */
public final class ApproveCommand implements ChatCommand {

    private final Approvals approvals;
    private final ApprovalCards cards;
    private final PendingApprovals pending;
    private final ApprovedWork work;

    public ApproveCommand(Approvals approvals, ApprovalCards cards, PendingApprovals pending, ApprovedWork work) {
        this.approvals = approvals;
        this.cards = cards;
        this.pending = pending;
        this.work = work;
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
        return "approve a request you were shown (never your own)";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        ChatUserRef me = ApprovalFlow.refOf(call.event().user());
        if (words.isEmpty()) {
            List<ApprovalRequest> waiting = pending.of(me);
            if (waiting.size() == 1) {
                call.replies().say("One request is waiting for you; here it is. Check it, then approve it.");
                cards.show(waiting.get(0), call.replies().address());
            } else {
                call.replies().say("Say \"approve <request>\" with the request id from its approval card."
                        + pending.line(me));
            }
            return;
        }
        if (words.size() > 2) {
            call.replies().warn("Say \"approve <request>\" with the request id from its approval card."
                    + pending.line(me));
            return;
        }
        Optional<ApprovalRequest> request = approvals.find(words.get(0));
        if (request.isEmpty()) {
            call.replies().warn("There is no approval request " + words.get(0) + "." + pending.line(me));
            return;
        }
        Optional<String> seen = words.size() == 2 ? Optional.of(words.get(1))
                : cards.fingerprintShownTo(request.get().id(), call.event().user());
        if (seen.isEmpty() && approvals.mayDecide(me, request.get())
                && request.get().state() == ApprovalRequest.State.PENDING) {
            call.replies().say("You have not been shown request " + request.get().id() + " yet; here it is. Check it, "
                    + "then approve it again.");
            cards.show(request.get(), call.replies().address());
            return;
        }
        ApprovalOutcome outcome = approvals.approve(request.get().id(), me, seen.orElse(request.get().fingerprint()));
        if (outcome instanceof ApprovalOutcome.Refused refused) {
            call.replies().warn(refused.message());
            if (refused.reason() == ApprovalOutcome.Reason.FINGERPRINT_CHANGED) {
                approvals.find(request.get().id()).ifPresent(r -> cards.show(r, call.replies().address()));
            }
            return;
        }
        call.replies().say(outcome.message());
        if (outcome instanceof ApprovalOutcome.Approved approved) {
            work.carryOut(approved.request(), call.event().user(), call.replies());
        }
    }
}
