package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.message.Person;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;

import java.util.List;
import java.util.stream.Collectors;

/** The requests waiting for a given approver, as a line to add to {@code approve} / {@code deny} hints. */
final class Pending {

    private Pending() {
    }

    static String list(Approvals approvals, ChatUserRef approver) {
        List<ApprovalRequest> pending = approvals.pendingFor(approver);
        if (pending.isEmpty()) return " No request is waiting for you.";
        return " Waiting for you: " + pending.stream().map(r -> r.id() + " (" + r.playbook() + " in " + r.org()
                + ", asked by " + Person.inTextOrAsIs(r.requester().toString()) + ")").collect(Collectors.joining("; ")) + ".";
    }
}
