package dev.ecabot.conversation.dialogue;

import dev.ecabot.posture.PosturePolicy;

/**
 * The approval gate with the org's posture policy on top: when the app has a finding the org blocks, at least one
 * approval is needed, and the approval (whose request lists the findings) is the explicit acceptance. Thread-safe.
 */
public final class PostureGate {

    private PostureGate() {
    }

    public static ApprovalGate around(ApprovalGate base) {
        return order -> {
            int needed = base.approvalsNeeded(order);
            PosturePolicy policy = PosturePolicy.current();
            boolean blocked = !policy.blocking(order.org(),
                    policy.findings(order.spec(), order.requester())).isEmpty();
            return blocked ? Math.max(1, needed) : needed;
        };
    }
}
