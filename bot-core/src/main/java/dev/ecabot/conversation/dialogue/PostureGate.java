package dev.ecabot.conversation.dialogue;

import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PosturePolicy;

import java.util.List;

/**
 * The posture findings of an order that its org's posture policy blocks, one line each: the approval policy
 * ({@link dev.ecabot.approval.ApprovalPolicy}) needs at least one approval for them, and the approval (whose request
 * lists the findings) is the explicit acceptance. Thread-safe.
 */
public final class PostureGate {

    private PostureGate() {
    }

    public static List<String> blockedFindings(dev.ecabot.provisioning.ProvisioningRequest order) {
        PosturePolicy policy = PosturePolicy.current();
        return policy.blocking(order.org(), policy.findings(order.spec(), order.requester().toString()))
                .stream().map(PostureFinding::line).toList();
    }
}
