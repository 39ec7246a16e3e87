package dev.ecabot.conversation.command;

import dev.ecabot.access.AccessDecision;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Action;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.dialogue.UserRefs;

import java.util.Optional;

/**
 * The one access filter in front of every command: the engine asks it before running anything, and {@code help}
 * asks it in dry run so people see only what they may run. Fed by the {@link AccessPolicy} (roles from the
 * configuration); a command missing from the {@link Action} table is refused (deny on doubt). Thread-safe.
 */
public final class CommandAccess {

    private final AccessPolicy policy;

    public CommandAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    /** Allowed, or refused with a message naming the role needed and who grants it. */
    public AccessDecision check(ChatUser user, String commandName) {
        Optional<Action> action = Action.fromCommand(commandName);
        if (action.isEmpty()) {
            return new AccessDecision(false, "The command `" + commandName + "` has no access rule, so nobody may run "
                    + "it (deny on doubt). Ask the bot's maintainers to add it to the access table.");
        }
        return policy.check(UserRefs.of(user), action.get());
    }

    /** Dry run, for {@code help}. */
    public boolean mayRun(ChatUser user, String commandName) {
        return check(user, commandName).allowed();
    }

    public AccessPolicy policy() {
        return policy;
    }
}
