package dev.ecabot.conversation.approvals;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.message.Person;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The requests waiting for one approver ({@link Approvals#pendingFor}: pending, not their own, in orgs they approve
 * for), as chat shows them: the line added to {@code approve} / {@code deny} hints, and the cards of their home.
 * Thread-safe.
 */
public final class PendingApprovals {

    private final Approvals approvals;

    public PendingApprovals(Approvals approvals) {
        this.approvals = approvals;
    }

    /** The requests {@code approver} may decide now, oldest first. */
    public List<ApprovalRequest> of(ChatUserRef approver) {
        return approvals.pendingFor(approver);
    }

    /** " Waiting for you: <id> (<playbook> in <org>, asked by <who>); ..." or " No request is waiting for you." */
    String line(ChatUserRef approver) {
        List<ApprovalRequest> pending = of(approver);
        if (pending.isEmpty()) return " No request is waiting for you.";
        return " Waiting for you: " + pending.stream().map(r -> r.id() + " (" + r.playbook() + " in " + r.org()
                + ", asked by " + Person.inTextOrAsIs(r.requester().toString()) + ")").collect(Collectors.joining("; ")) + ".";
    }
}
