package dev.ecabot.approval;

import java.util.Objects;

/**
 * How many approvals a change needs (0: none, it may go ahead now) and why, in words fit for the person asking, an
 * audit entry or a refusal on the command line ("org prod needs 1 (approvals.orgs.prod)"). Immutable.
 */
public record ApprovalNeed(int approvals, String reason) {

    public ApprovalNeed {
        if (approvals < 0) throw new IllegalArgumentException("approvals cannot be negative; got " + approvals);
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether anyone must approve before the change is made. */
    public boolean required() {
        return approvals > 0;
    }

    /**
     * This need raised to at least one approval for {@code why} (e.g. a posture finding the org blocks, which an
     * approval accepts); unchanged when approvals are needed already.
     */
    public ApprovalNeed atLeastOne(String why) {
        return required() ? this : new ApprovalNeed(1, why);
    }
}
