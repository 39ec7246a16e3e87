package dev.ecabot.emulator.org;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The org's users by username (case-insensitive, like Salesforce), each with a "005" user id. Thread-safe. */
public final class OrgUsers {

    private final SalesforceIds ids;
    private final Map<String, String> idsByUsername = new ConcurrentHashMap<>();

    public OrgUsers(SalesforceIds ids) {
        this.ids = ids;
    }

    /** The user's id, creating the user on first use. */
    public String idOf(String username) {
        return idsByUsername.computeIfAbsent(username.toLowerCase(Locale.ROOT), u -> ids.next("005"));
    }

    /** The username (as first used, in lower case) of user {@code id}, 15 or 18 characters. */
    public java.util.Optional<String> usernameOf(String id) {
        return idsByUsername.entrySet().stream().filter(e -> SalesforceIds.sameId(e.getValue(), id))
                .map(Map.Entry::getKey).findFirst();
    }
}
