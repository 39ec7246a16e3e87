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
}
