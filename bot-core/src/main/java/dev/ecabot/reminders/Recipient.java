package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;

import java.util.Objects;

/**
 * Who a reminder goes to: the requester (a person), the approvers of the reminder's org (resolved at delivery),
 * or a channel ({@code platform:channelId}, e.g. the app's owning channel). Immutable.
 */
public record Recipient(Type type, String address) {

    public enum Type { REQUESTER, APPROVERS, CHANNEL }

    public Recipient {
        Objects.requireNonNull(type, "type");
        if (type == Type.APPROVERS) {
            address = null;
        } else if (address == null || address.indexOf(':') <= 0) {
            throw new IllegalArgumentException("A " + type.name().toLowerCase() + " recipient is written platform:id; got '"
                    + address + "'");
        }
    }

    public static Recipient requester(ChatUserRef user) {
        return new Recipient(Type.REQUESTER, user.toString());
    }

    public static Recipient approvers() {
        return new Recipient(Type.APPROVERS, null);
    }

    public static Recipient channel(String platform, String channelId) {
        return new Recipient(Type.CHANNEL, new ChatUserRef(platform, channelId).toString());
    }

    /** The person, for a {@link Type#REQUESTER} recipient. */
    public ChatUserRef user() {
        if (type != Type.REQUESTER) throw new IllegalStateException("a " + type + " recipient is not one person");
        return ChatUserRef.parse(address);
    }
}
