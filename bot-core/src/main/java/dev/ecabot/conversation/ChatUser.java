package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;

import java.util.Locale;
import java.util.Objects;

/**
 * A person talking to the bot on one chat platform: the platform ("slack", "teams", "terminal"), the
 * platform's stable user id, a display name, and the email address when the platform tells us (else null).
 * Two users are the same person to the engine when platform and id match.
 */
public record ChatUser(String platform, String id, String displayName, String email) {

    public ChatUser {
        platform = requireText(platform, "platform").toLowerCase(Locale.ROOT);
        id = requireText(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        email = email == null || email.isBlank() ? null : email;
    }

    public static ChatUser of(String platform, String id) {
        return new ChatUser(platform, id, id, null);
    }

    /** The same person: same platform and id (a changed display name or a missing email does not matter). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChatUser other && platform.equals(other.platform) && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, id);
    }

    /** Who this is, as the access, approval, vault and inventory packages name people. */
    public ChatUserRef ref() {
        return new ChatUserRef(platform, id);
    }

    /** "platform:id", unique across platforms. */
    public String key() {
        return platform + ":" + id;
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }

    /** This user as the messages name them (a mention on the platforms that have them). */
    public dev.ecabot.conversation.message.Person person() {
        return new dev.ecabot.conversation.message.Person(platform, id, displayName);
    }
}
