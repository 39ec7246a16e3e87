package dev.ecabot.conversation.dialogue;

import dev.ecabot.approval.ApprovalPolicyConfig;

/**
 * How many approvals a confirmed order needs before it may be provisioned (0: go ahead now): where the approval
 * policy of the configuration plugs into the {@code new} conversation. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApprovalGate {

    int approvalsNeeded(dev.ecabot.provisioning.ProvisioningRequest order);

    /**
     * The configured policy per org and playbook ({@link ApprovalPolicyConfig#requiredApprovals}); the built-in demo
     * org (the in-process emulator: nothing real is created) needs none unless the policy lists it.
     */
    static ApprovalGate policy(ApprovalPolicyConfig policy, String demoOrg) {
        return order -> needed(policy, demoOrg, order.org(), order.playbookId());
    }

    /** Approvals {@code policy} needs for a change in {@code org} with {@code playbook}; the demo org none unless listed. */
    public static int needed(ApprovalPolicyConfig policy, String demoOrg, String org, String playbook) {
        return org.equalsIgnoreCase(demoOrg) && !policy.lists(org) ? 0 : policy.requiredApprovals(org, playbook);
    }
}
