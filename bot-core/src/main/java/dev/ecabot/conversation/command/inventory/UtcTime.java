package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.message.InlineText;

import java.time.Instant;

/**
 * Moments in inventory and audit answers, one way everywhere: {@code 2026-03-02 10:12 UTC} on the terminal and
 * Teams, the reader's local time on Slack ({@link InlineText#moment}). Only for chat messages: exports keep ISO.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static String of(Instant at) {
        return InlineText.moment(at);
    }
}
