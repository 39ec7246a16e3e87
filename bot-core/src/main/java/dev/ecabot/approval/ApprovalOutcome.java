package dev.ecabot.approval;

/**
 * The result of an approval or denial, with a message fit to show the person who acted. Only
 * {@link Approved} means the request may go ahead.
 */
public sealed interface ApprovalOutcome {

    String message();

    /** All approvals are in: the request may be carried out. */
    record Approved(ApprovalRequest request) implements ApprovalOutcome {
        public String message() {
            return "Approved: " + subject(request) + " requested by " + request.requester() + " can go ahead.";
        }
    }

    /** This approval counted, but the policy needs more. */
    record ApprovalRecorded(ApprovalRequest request) implements ApprovalOutcome {
        public String message() {
            int remaining = request.requiredApprovals() - request.approvedBy().size();
            return "Your approval is recorded; " + subject(request) + " still needs " + remaining + " more.";
        }
    }

    /** Denied, with the approver's reason (the requester is told it). */
    record Denied(ApprovalRequest request) implements ApprovalOutcome {
        public String message() {
            return "Denied: " + subject(request) + ". Reason given to " + request.requester() + ": " + request.denialReason();
        }
    }

    /** Nothing was decided, and why. */
    record Refused(Reason reason, String message) implements ApprovalOutcome {
    }

    enum Reason {
        NO_SUCH_REQUEST, SELF_APPROVAL, NOT_AN_APPROVER, FINGERPRINT_CHANGED, ALREADY_DECIDED, EXPIRED,
        ALREADY_APPROVED_BY_YOU, REASON_REQUIRED
    }

    private static String subject(ApprovalRequest r) {
        return "request " + r.id() + " (" + r.playbook() + " in " + r.org() + ")";
    }
}
