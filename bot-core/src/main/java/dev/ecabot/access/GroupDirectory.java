package dev.ecabot.access;

import java.util.Set;

/**
 * Tells which groups a person belongs to on their platform (Slack user groups, Teams/Entra groups).
 * Adapters implement it where the platform has groups; {@link #NONE} where it does not.
 */
@FunctionalInterface
public interface GroupDirectory {

    GroupDirectory NONE = user -> Set.of();

    /** The ids of the groups {@code user} belongs to on {@code user.platform()}. May throw if the platform is unreachable. */
    Set<String> groupsOf(ChatUserRef user);
}
