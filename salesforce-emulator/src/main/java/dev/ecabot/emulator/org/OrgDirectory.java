package dev.ecabot.emulator.org;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's users (by username) and permission sets (by API name) that an External Client App's policies may name:
 * the run-as user of the client credentials flow ({@code clientCredentialsFlowUser}) and the pre-authorized
 * permission sets ({@code commaSeparatedPermissionSet}). A real org refuses a deploy naming one it does not have.
 * The emulator cannot know a real org's people, so each list is checked only once a test (or the operator) has
 * registered at least one entry in it; an empty list accepts any name, as the emulator always did (and its queries
 * then answer any user as an active API Only user, any permission set or profile as existing). Names compare
 * without regard to case, as in Salesforce. Thread-safe.
 */
public final class OrgDirectory {

    /** A user as the org's User records and permission set assignments describe it. */
    public record User(String username, boolean active, boolean apiOnly) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Set<String> permissionSets = ConcurrentHashMap.newKeySet();
    private final Set<String> profiles = ConcurrentHashMap.newKeySet();

    /**
     * Registers active integration users (with the API Only permission) by username; from then on a run-as user not
     * registered is refused. Returns this directory.
     */
    public OrgDirectory addUsers(String... usernames) {
        for (String u : usernames) addUser(u, true, true);
        return this;
    }

    /** Registers one user, active or not, with or without the API Only permission ("API Only User"). */
    public OrgDirectory addUser(String username, boolean active, boolean apiOnly) {
        users.put(key(username), new User(username.strip(), active, apiOnly));
        return this;
    }

    /** Registers profiles by name; from then on queries find only these. Returns this directory. */
    public OrgDirectory addProfiles(String... names) {
        for (String p : names) profiles.add(key(p));
        return this;
    }

    /** The user called {@code username}: any name while no user is registered (an active API Only user). */
    public Optional<User> user(String username) {
        if (users.isEmpty()) return Optional.of(new User(username.strip(), true, true));
        return Optional.ofNullable(users.get(key(username)));
    }

    /** Whether the org has permission set {@code apiName} (any while none is registered). */
    public boolean hasPermissionSet(String apiName) {
        return permissionSets.isEmpty() || permissionSets.contains(key(apiName));
    }

    /** Whether the org has profile {@code name} (any while none is registered). */
    public boolean hasProfile(String name) {
        return profiles.isEmpty() || profiles.contains(key(name));
    }

    /** Registers permission sets by API name; from then on one not registered is refused. Returns this directory. */
    public OrgDirectory addPermissionSets(String... apiNames) {
        for (String p : apiNames) permissionSets.add(key(p));
        return this;
    }

    /** Why {@code username} cannot be a run-as user here, in Salesforce's words; empty when it can. */
    public Optional<String> unknownUser(String field, String username) {
        if (users.isEmpty() || username.isBlank() || users.containsKey(key(username))) return Optional.empty();
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
