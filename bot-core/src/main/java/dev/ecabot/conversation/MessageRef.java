package dev.ecabot.conversation;

import java.util.Objects;

/** A posted message as the platform knows it (e.g. Slack's channel + ts), so it can be edited in place. */
public record MessageRef(ChatAddress address, String id) {

    public MessageRef {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(id, "id");
    }
}
