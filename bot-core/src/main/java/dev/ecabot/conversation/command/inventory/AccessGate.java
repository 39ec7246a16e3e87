package dev.ecabot.conversation.command.inventory;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Action;
import dev.ecabot.access.Role;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.UserRefs;

/**
 * The extra check of rotate, revoke-old and delete, after the engine's access filter (the Action table) let the
 * command run: admins only, until the approval flow covers them (ApprovalPurpose ROTATE / DELETE; the hook is
 * {@link #mayChangeCredentialsOrDelete}). Thread-safe.
 */
public final class AccessGate {

    private final AccessPolicy access;

    public AccessGate(AccessPolicy access) {
        this.access = access;
    }

    /**
     * Rotation and deletion change what integrations rely on. Until approvals for them land (ApprovalPurpose
     * ROTATE / DELETE), only admins may run them, directly; true (after telling the person) when refused.
     */
    public boolean refusesChange(CommandCall call, Action action) {
        if (mayChangeCredentialsOrDelete(call)) return false;
        call.replies().warn("Only a bot admin may run `" + action.command() + "` for now. Ask an admin ("
                + "roles.admins in ecabot.yaml) to run it for you.");
        return true;
    }

    private boolean mayChangeCredentialsOrDelete(CommandCall call) {
        return access.holds(UserRefs.of(call.event().user()), Role.ADMIN);
    }
}
