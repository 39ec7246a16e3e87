package dev.ecabot.slack;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;
import java.util.Map;

/**
 * What a Slack user did, as the facts read from Slack's payload in the ack path (cheap: no API calls). The work
 * after the ack turns it into the engine's neutral event ({@link InboundMapper}). Nullable where Slack gives none.
 */
public sealed interface SlackInbound {

    String userId();

    /** The channel (C..., G...) or DM (D...) it happened in. */
    String channelId();

    /** Slack's response_url for this interaction (works even when the bot token does not), or null. */
    default String responseUrl() {
        return null;
    }

    /** {@code /eca <text>}. */
    record Command(String userId, String userName, String channelId, String text, String triggerId,
                   String responseUrl) implements SlackInbound {
    }

    /**
     * The Events API's id of this delivery ({@code event_id}; Slack retries with the same one), null for what Slack
     * never retries (slash commands, interactivity).
     */
    default String eventId() {
        return null;
    }

    /** A message mentioning the bot in a channel; replies go in the message's thread. */
    record Mention(String userId, String channelId, String text, String threadTs, String eventId) implements SlackInbound {

        Mention(String userId, String channelId, String text, String threadTs) {
            this(userId, channelId, text, threadTs, null);
        }
    }

    /**
     * A message in the bot's direct-message conversation; {@code threadTs} is the thread it was written in (null at
     * the top level), so the answers of that turn go to the same thread.
     */
    record DirectMessage(String userId, String channelId, String text, String threadTs, String eventId)
            implements SlackInbound {

        DirectMessage(String userId, String channelId, String text) {
            this(userId, channelId, text, null, null);
        }
    }

    /**
     * A button or menu used on one of the bot's messages: which ({@code blockId}, {@code actionId}), the value
     * picked and its label, and the message it was on ({@code messageTs}, {@code threadTs}, its text and blocks)
     * so it can be updated.
     */
    record Action(String userId, String userName, String channelId, String messageTs, String threadTs,
                  String blockId, String actionId, String value, String label, String triggerId,
                  String responseUrl, String messageText, List<LayoutBlock> blocks) implements SlackInbound {
    }

    /** The person opened the bot's App Home tab: publish their overview. */
    record HomeOpened(String userId) implements SlackInbound {
        @Override
        public String channelId() {
            return null;
        }
    }

    /**
     * A modal form submitted: the form, where its conversation is, each field's raw value by field id, and the ts of
     * the "Fill in" message it was opened from (null when it opened straight from a click).
     */
    record FormSubmitted(String userId, String userName, String channelId, String threadTs, String formId,
                         Map<String, String> values, String messageTs) implements SlackInbound {
        public FormSubmitted {
            values = Map.copyOf(values);
        }

        public FormSubmitted(String userId, String userName, String channelId, String threadTs, String formId,
                             Map<String, String> values) {
            this(userId, userName, channelId, threadTs, formId, values, null);
        }
    }
}
