package dev.ecabot.conversation;

import java.util.Objects;

/**
 * Where a message was said and where replies go: the platform's channel or direct-message id, plus the
 * thread key on platforms that have threads (null otherwise). Adapters fill it from their inbound payload and
 * get it back, unchanged, on every reply.
 */
public record ChatPlace(String channelId, String threadKey) {

    public ChatPlace {
        Objects.requireNonNull(channelId, "channelId");
        threadKey = threadKey == null || threadKey.isBlank() ? null : threadKey;
    }

    /** A direct conversation (or a channel) without threads. */
    public static ChatPlace direct(String channelId) {
        return new ChatPlace(channelId, null);
    }
}
