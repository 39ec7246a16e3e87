package dev.ecabot.conversation.dialogue;

import dev.ecabot.approval.ApprovalNeed;
import dev.ecabot.provisioning.ProvisioningRequest;

/**
 * How many approvals a confirmed order needs before it may be provisioned (0: go ahead now), and why: the
 * {@code new} conversation's view of the one policy function ({@link dev.ecabot.approval.ApprovalPolicy}, purpose
 * CREATE), with the org's posture policy on top ({@link PostureGate}). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApprovalGate {

    ApprovalNeed need(ProvisioningRequest order);

    default int approvalsNeeded(ProvisioningRequest order) {
        return need(order).approvals();
    }
}
