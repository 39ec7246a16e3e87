package dev.ecabot.emulator.org;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's users (by username) and permission sets (by API name) that an External Client App's policies may name:
 * the run-as user of the client credentials flow ({@code clientCredentialsFlowUser}) and the pre-authorized
 * permission sets ({@code commaSeparatedPermissionSet}). A real org refuses a deploy naming one it does not have.
 * The emulator cannot know a real org's people, so each list is checked only once a test (or the operator) has
 * registered at least one entry in it; an empty list accepts any name, as the emulator always did. Names compare
 * without regard to case, as in Salesforce. Thread-safe.
 */
public final class OrgDirectory {

    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final Set<String> permissionSets = ConcurrentHashMap.newKeySet();

    /** Registers users by username; from then on a run-as user not registered is refused. Returns this directory. */
    public OrgDirectory addUsers(String... usernames) {
        for (String u : usernames) users.add(key(u));
        return this;
    }

    /** Registers permission sets by API name; from then on one not registered is refused. Returns this directory. */
    public OrgDirectory addPermissionSets(String... apiNames) {
        for (String p : apiNames) permissionSets.add(key(p));
        return this;
    }

    /** Why {@code username} cannot be a run-as user here, in Salesforce's words; empty when it can. */
    public Optional<String> unknownUser(String field, String username) {
        if (users.isEmpty() || username.isBlank() || users.contains(key(username))) return Optional.empty();
        return Optional.of("In field: " + field + " - no User named " + username.strip() + " found");
    }

    /** The first permission set of a comma-separated list that the org lacks, in Salesforce's words; empty when none. */
    public Optional<String> unknownPermissionSet(String field, String commaSeparated) {
        if (permissionSets.isEmpty()) return Optional.empty();
        for (String name : commaSeparated.split(",")) {
            if (!name.isBlank() && !permissionSets.contains(key(name))) {
                return Optional.of("In field: " + field + " - no PermissionSet named " + name.strip() + " found");
            }
        }
        return Optional.empty();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
