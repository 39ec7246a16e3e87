package dev.ecabot.conversation.dialogue;

/**
 * Decides whether a confirmed order may be provisioned now: where the approval policy plugs in. Until approvals
 * are configured, {@link #demoOnly(String)} is the deny-on-doubt default. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApprovalGate {

    /** Go ahead, or refused with a reason the requester can act on. */
    sealed interface Decision {
        record Proceed() implements Decision { }

        record Refused(String reason) implements Decision { }
    }

    Decision check(ProvisioningOrder order, boolean playbookRequiresApproval);

    /**
     * Without approvers: the built-in demo org (the in-process emulator; nothing real is created) needs no
     * approval; in any other org, a playbook that requires approval is refused rather than created unapproved.
     */
    static ApprovalGate demoOnly(String demoOrg) {
        return (order, required) -> !required || order.org().equalsIgnoreCase(demoOrg)
                ? new Decision.Proceed()
                : new Decision.Refused("playbook " + order.playbookId() + " needs an approval in org " + order.org()
                + ", and no approvers are configured on this bot. Ask the bot's admins to configure approvers, "
                + "or use an org whose policy needs no approval.");
    }
}
