package dev.ecabot.conversation.command.inventory;

import dev.ecabot.access.AccessDecision;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Action;
import dev.ecabot.access.Role;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.UserRefs;

/**
 * The inventory commands' server-side check, before anything is read or changed: the access policy's table for
 * sync, export and audit; rotate, revoke-old and delete are admins-only until the approval flow covers them
 * (the hook: {@link #mayChangeCredentialsOrDelete}). Thread-safe.
 */
public final class AccessGate {

    private final AccessPolicy access;

    public AccessGate(AccessPolicy access) {
        this.access = access;
    }

    /** True (after telling the person why) when {@code call}'s author may not run {@code action}. */
    public boolean refuses(CommandCall call, Action action) {
        AccessDecision decision = access.check(UserRefs.of(call.event().user()), action);
        if (!decision.allowed()) call.replies().warn(decision.message());
        return !decision.allowed();
    }

    /**
     * Rotation and deletion change what integrations rely on. Until approvals for them land (ApprovalPurpose
     * ROTATE / DELETE), only admins may run them, directly; true (after telling the person) when refused.
     */
    public boolean refusesChange(CommandCall call, Action action) {
        if (refuses(call, action)) return true;
        if (mayChangeCredentialsOrDelete(call)) return false;
        call.replies().warn("Only a bot admin may run `" + action.command() + "` for now. Ask an admin ("
                + "roles.admins in ecabot.yaml) to run it for you.");
        return true;
    }

    private boolean mayChangeCredentialsOrDelete(CommandCall call) {
        return access.holds(UserRefs.of(call.event().user()), Role.ADMIN);
    }
}
