package dev.ecabot.approval;

import dev.ecabot.access.ChatUserRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored approval request: what was asked (the {@link ApprovalDraft}), its fingerprint, how many approvals it
 * needs and has, and where it stands. {@code decidedAt} is when it was approved, denied, expired or withdrawn. Immutable.
 */
public record ApprovalRequest(String id, ApprovalDraft draft, String fingerprint, int requiredApprovals,
                              List<ChatUserRef> approvedBy, State state, Instant createdAt, Instant expiresAt,
                              Instant decidedAt, ChatUserRef deniedBy, String denialReason) {

    public enum State { PENDING, APPROVED, DENIED, EXPIRED, WITHDRAWN }

    public ApprovalRequest {
        approvedBy = List.copyOf(approvedBy);
    }

    public String org() {
        return draft.org();
    }

    public String playbook() {
        return draft.playbook();
    }

    public String apiName() {
        return draft.apiName();
    }

    public ChatUserRef requester() {
        return draft.requester();
    }

    /** Whether {@code draft} is exactly what this request asked (same fingerprint): if not, it needs approving again. */
    public boolean covers(ApprovalDraft draft) {
        return fingerprint.equals(Fingerprint.of(draft));
    }

    /** What approvers read before deciding: every line bound by the fingerprint. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(draft.purpose().label()).append(" in org ").append(org()).append(" with playbook ").append(playbook());
        if (apiName() != null) text.append(" (").append(apiName()).append(")");
        text.append("\nRequested by ").append(requester()).append(": ").append(draft.reason());
        for (Map.Entry<String, String> s : draft.settings().entrySet()) {
            text.append("\n").append(s.getKey()).append(": ").append(s.getValue());
        }
        return text.append("\nApprovals: ").append(approvedBy.size()).append(" of ").append(requiredApprovals).toString();
    }
}
