package dev.ecabot.conversation.state;

import dev.ecabot.conversation.ChatEvent;

import java.util.Objects;

/**
 * Which conversation a message belongs to: platform + user, plus the thread on platforms with threads, so one
 * person can run separate conversations in separate threads and two people never share one.
 */
public record ConversationKey(String platform, String userId, String threadKey) {

    public ConversationKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
    }

    public static ConversationKey of(ChatEvent event) {
        return new ConversationKey(event.user().platform(), event.user().id(), event.place().threadKey());
    }

    /** The primary key in storage: "platform|user|thread" (thread empty when none). */
    public String asString() {
        return platform + "|" + userId + "|" + (threadKey == null ? "" : threadKey);
    }
}
