package dev.ecabot.conversation.dialogue;

import dev.ecabot.approval.ApprovalPolicyConfig;

/**
 * How many approvals a confirmed order needs before it may be provisioned (0: go ahead now): where the approval
 * policy of the configuration plugs into the {@code new} conversation. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApprovalGate {

    int approvalsNeeded(ProvisioningOrder order);

    /**
     * The configured policy per org and playbook ({@link ApprovalPolicyConfig#requiredApprovals}); the built-in demo
     * org (the in-process emulator: nothing real is created) needs none unless the policy lists it.
     */
    static ApprovalGate policy(ApprovalPolicyConfig policy, String demoOrg) {
        return order -> order.org().equalsIgnoreCase(demoOrg) && !policy.lists(order.org()) ? 0
                : policy.requiredApprovals(order.org(), order.playbookId());
    }
}
