package dev.ecabot.access;

import dev.ecabot.settings.error.InvalidSettingException;

import java.util.Set;

/**
 * One entry of a role list in the configuration: a user ({@code slack:U024BE7LH}), a platform group
 * ({@code group:slack:S0614TZR7}, a Slack user group or a Teams/Entra group id), or everyone on a
 * platform ({@code slack:*}). Immutable.
 */
public record Grantee(Kind kind, String platform, String id) {

    public enum Kind { USER, GROUP, EVERYONE_ON_PLATFORM }

    private static final String FORMAT = "write platform:userId (slack:U024BE7LH), group:platform:groupId "
            + "(group:slack:S0614TZR7) or platform:* (everyone on that platform)";

    /** Parses a configuration entry; the message names the entry and the accepted forms. */
    public static Grantee parse(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new InvalidSettingException("Empty role entry: " + FORMAT);
        }
        String text = entry.trim();
        try {
            if (text.startsWith("group:")) {
                ChatUserRef g = ChatUserRef.parse(text.substring("group:".length()));
                return new Grantee(Kind.GROUP, g.platform(), g.id());
            }
            ChatUserRef user = ChatUserRef.parse(text);
            if (user.id().equals("*")) return new Grantee(Kind.EVERYONE_ON_PLATFORM, user.platform(), "*");
            return new Grantee(Kind.USER, user.platform(), user.id());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("Role entry '" + text + "' is not understood: " + FORMAT);
        }
    }

    /** Whether this entry covers {@code user}, who belongs to {@code groups} on their platform. */
    public boolean covers(ChatUserRef user, Set<String> groups) {
        if (!platform.equals(user.platform())) return false;
        return switch (kind) {
            case USER -> id.equals(user.id());
            case GROUP -> groups.contains(id);
            case EVERYONE_ON_PLATFORM -> true;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case USER -> platform + ":" + id;
            case GROUP -> "group:" + platform + ":" + id;
            case EVERYONE_ON_PLATFORM -> platform + ":*";
        };
    }
}
