package dev.ecabot.conversation.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An approval request as approvers see it: what would be created (org, playbook, every setting that matters, as
 * {@link Fact}s), who asked and why, when it expires, and where it stands. While {@link Status#PENDING} it offers
 * Approve and Deny: each comes back as a {@code ChatEvent.Choice} with prompt id {@link #PROMPT_ID} and the value
 * of {@link #approveValue()} / {@link #denyValue()} (typing {@code approve <id>} / {@code deny <id> <reason>} works
 * too). Deny asks for a reason with a form. After a decision the engine edits the card in place (same request id,
 * new status, {@code decidedBy}, {@code decidedAt}, {@code note}) and it offers no buttons. {@code check} is a short
 * code of the request's fingerprint, so an approver can tell two versions of one request apart. Immutable.
 */
public record ApprovalCard(String requestId, String title, String org, String playbook, List<Fact> facts,
                           String requester, String reason, Instant expiresAt, String fingerprint, Status status,
                           String decidedBy, Instant decidedAt, String note) implements ChatMessage {

    /** The prompt id of the card's buttons: what {@code PromptRef.Fixed.APPROVAL} encodes (a test holds them equal). */
    public static final String PROMPT_ID = "approval";

    public enum Status { PENDING, APPROVED, DENIED, EXPIRED, WITHDRAWN }

    public ApprovalCard {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(playbook, "playbook");
        facts = List.copyOf(facts);
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
    }

    /** Whether Approve / Deny are offered. */
    public boolean decidable() {
        return status == Status.PENDING;
    }

    /** The value of the Approve button: binds the approval to the fingerprint this card showed. */
    public String approveValue() {
        return "approve " + requestId + " " + fingerprint;
    }

    /** The value of the Deny button; the engine then asks for the reason. */
    public String denyValue() {
        return "deny " + requestId;
    }

    /** The first 8 hex digits of the fingerprint, to show on the card. */
    public String check() {
        return fingerprint.substring(0, Math.min(8, fingerprint.length()));
    }

    /** The same card after a decision (or expiry, or withdrawal): no buttons any more. */
    public ApprovalCard decided(Status newStatus, String by, Instant at, String newNote) {
        return new ApprovalCard(requestId, title, org, playbook, facts, requester, reason, expiresAt, fingerprint,
                newStatus, by, at, newNote);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitApprovalCard(this);
    }
}
