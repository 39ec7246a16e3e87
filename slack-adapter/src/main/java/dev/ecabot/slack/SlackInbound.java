package dev.ecabot.slack;

/**
 * What a Slack user did, as the facts read from Slack's payload in the ack path (cheap: no API calls). The work
 * after the ack turns it into the engine's neutral event. {@code responseUrl} is null where Slack gives none.
 */
public sealed interface SlackInbound {

    String userId();

    String channelId();

    /** Slack's response_url for this interaction (works even when the bot token does not), or null. */
    default String responseUrl() {
        return null;
    }

    /** {@code /eca <text>}. */
    record Command(String userId, String userName, String channelId, String text, String triggerId,
                   String responseUrl) implements SlackInbound {
    }

    /** A message mentioning the bot in a channel; replies go in the message's thread. */
    record Mention(String userId, String channelId, String text, String threadTs) implements SlackInbound {
    }

    /** A message in the bot's direct-message conversation. */
    record DirectMessage(String userId, String channelId, String text) implements SlackInbound {
    }
}
