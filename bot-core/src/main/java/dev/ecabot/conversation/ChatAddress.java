package dev.ecabot.conversation;

import java.util.Objects;

/**
 * Who a reply is for and where it goes: the person and the place they spoke in. For messages that are not
 * replies (approval cards, reminders) the engine addresses a person's direct messages ({@link #directTo}) or a
 * channel ({@link #channel}); adapters open or find that place themselves.
 */
public record ChatAddress(ChatUser user, ChatPlace place) {

    public ChatAddress {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(place, "place");
    }

    /**
     * The direct conversation between the bot and {@code user}, when the engine writes first (approval cards,
     * reminders): the place is {@link ChatPlace#directMessageTo}, which the adapter opens or finds.
     */
    public static ChatAddress directTo(ChatUser user) {
        return new ChatAddress(user, ChatPlace.directMessageTo(user.id()));
    }

    /** A channel (e.g. the approvers' channel): the "user" is the channel itself, named {@code #channelId}. */
    public static ChatAddress channel(String platform, String channelId) {
        return new ChatAddress(new ChatUser(platform, channelId, "#" + channelId, null), ChatPlace.direct(channelId));
    }
}
