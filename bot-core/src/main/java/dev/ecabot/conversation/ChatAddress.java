package dev.ecabot.conversation;

import java.util.Objects;

/** Who a reply is for and where it goes: the person and the place they spoke in. */
public record ChatAddress(ChatUser user, ChatPlace place) {

    public ChatAddress {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(place, "place");
    }
}
