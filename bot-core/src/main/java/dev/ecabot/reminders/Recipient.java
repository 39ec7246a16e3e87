package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a reminder goes to: the requester (a person), the owner of the reminder's app, the approvers of the
 * reminder's org (resolved at delivery), or a channel ({@code platform:channelId}). An {@link Type#OWNER} reminder
 * is delivered to whoever owns the app when it fires; its address is the owner when it was scheduled (or last moved
 * by an owner change), null when nobody owned the app (then, still ownerless at delivery, the approvers). Immutable.
 */
public record Recipient(Type type, String address) {

    public enum Type { REQUESTER, OWNER, APPROVERS, CHANNEL }

    public Recipient {
        Objects.requireNonNull(type, "type");
        if (type == Type.APPROVERS) {
            address = null;
        } else if (type == Type.OWNER && address == null) {
            // nobody owns the app yet: the approvers are told, unless an owner is named before it fires
        } else if (address == null || address.indexOf(':') <= 0) {
            throw new IllegalArgumentException("A " + type.name().toLowerCase(Locale.ROOT) + " recipient is written platform:id; got '"
                    + address + "'");
        }
    }

    public static Recipient requester(ChatUserRef user) {
        return new Recipient(Type.REQUESTER, user.toString());
    }

    /** The app's owner at delivery; {@code ownerNow} (null: nobody) is who that is as it is scheduled. */
    public static Recipient owner(ChatUserRef ownerNow) {
        return new Recipient(Type.OWNER, ownerNow == null ? null : ownerNow.toString());
    }

    public static Recipient approvers() {
        return new Recipient(Type.APPROVERS, null);
    }

    public static Recipient channel(String platform, String channelId) {
        return new Recipient(Type.CHANNEL, new ChatUserRef(platform, channelId).toString());
    }

    /** The person, for a {@link Type#REQUESTER} recipient or an {@link Type#OWNER} one that names someone. */
    public ChatUserRef user() {
        if (address == null || (type != Type.REQUESTER && type != Type.OWNER)) {
            throw new IllegalStateException("a " + type + " recipient is not one person");
        }
        return ChatUserRef.parse(address);
    }
}
