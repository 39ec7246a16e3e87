package dev.ecabot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.Channels;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;

import java.util.regex.Pattern;

/**
 * Starts a new thread in a Teams channel with the bot's message as its first post: {@code POST {serviceUrl}/v3/conversations}
 * with isGroup, {@code channelData.channel.id} and the tenant, and the activity. So the bot can post in a channel
 * named in its configuration (an approvers' channel) without having been spoken to there first. The new thread is
 * remembered like any conversation, so its message can be edited later. Thread-safe.
 */
final class ChannelThreads {

    /** A Teams channel id ("19:...@thread.tacv2", or ".skype" for old teams), not a thread in it (";messageid="). */
    private static final Pattern CHANNEL = Pattern.compile("19:[^;]+@thread\\.(tacv2|skype)");

    /** The thread started: its conversation id ("<channel>;messageid=<activity>") and the first message's id. */
    record Started(String conversationId, String activityId) { }

    private final TeamsBotAdapter adapter;
    private final TeamsDirectory directory;

    ChannelThreads(TeamsBotAdapter adapter, TeamsDirectory directory) {
        this.adapter = adapter;
        this.directory = directory;
    }

    static boolean isChannel(String conversationId) {
        return CHANNEL.matcher(conversationId).matches();
    }

    Started start(String channelId, Activity activity) {
        // The bot only ever posts to the serviceUrl Teams gave it in an authenticated activity (its token goes there).
        ConversationReference known = directory.latestConversation().orElseThrow(() -> new IllegalStateException(
                "The bot has not heard from Teams yet, so it does not know where to start a thread in channel " + channelId
                        + ": install the app in the team (or say hello to the bot) first"));
        String tenant = known.getConversation().getTenantId();
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setBot(known.getBot());
        parameters.setTenantId(tenant);
        ObjectNode channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("channel").put("id", channelId);
        if (tenant != null) channelData.putObject("tenant").put("id", tenant);
        parameters.setChannelData(channelData);
        parameters.setActivity(activity);
        ConversationResourceResponse created;
        try {
            created = adapter.connectorFor(known.getServiceUrl())
                    .thenCompose(connector -> connector.getConversations().createConversation(parameters)).join();
        } catch (RuntimeException e) {
            throw TeamsFailures.classify("createConversation", e);
        }
        if (created == null || created.getId() == null) {
            throw new IllegalStateException("Teams started a thread in " + channelId + " but returned no id");
        }
        int thread = created.getId().indexOf(";messageid=");
        String activityId = created.getActivityId() != null ? created.getActivityId()
                : thread >= 0 ? created.getId().substring(thread + ";messageid=".length()) : null;
        if (activityId == null) {
            throw new IllegalStateException("Teams started a thread in " + channelId + " but did not say its message id");
        }

        ConversationReference reference = new ConversationReference();
        reference.setChannelId(Channels.MSTEAMS);
        reference.setServiceUrl(created.getServiceUrl() != null ? created.getServiceUrl() : known.getServiceUrl());
        ConversationAccount conversation = new ConversationAccount(created.getId());
        conversation.setConversationType("channel");
        conversation.setIsGroup(true);
        conversation.setTenantId(tenant);
        reference.setConversation(conversation);
        reference.setBot(known.getBot());
        reference.setUser(new ChannelAccount(known.getBot().getId()));
        directory.rememberConversation(reference);
        return new Started(created.getId(), activityId);
    }
}
