package dev.ecabot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.connector.Channels;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;

import java.util.List;

/**
 * Finds, or opens, the 1:1 chat between the bot and a person, for reminders and notices that are not replies:
 * the chat on record, else {@code POST {serviceUrl}/v3/conversations} (isGroup false, the person's member id,
 * the tenant), which Teams allows once the app is installed for that person. Thread-safe.
 */
public final class PersonalChats {

    private final TeamsBotAdapter adapter;
    private final TeamsDirectory directory;

    public PersonalChats(TeamsBotAdapter adapter, TeamsDirectory directory) {
        this.adapter = adapter;
        this.directory = directory;
    }

    /** Where to post to {@code user} privately; opens the chat if there is none yet. */
    public ChatAddress addressOf(ChatUser user) {
        if (!TeamsInbound.PLATFORM.equals(user.platform())) {
            throw new IllegalArgumentException(user.key() + " is not a Teams user");
        }
        TeamsDirectory.Member member = directory.member(user.id()).orElseThrow(() -> new IllegalStateException(
                user.displayName() + " has never talked to the bot in Teams, so the bot cannot write to them first:"
                        + " ask them to install the ECA bot app (or say hello to it) in Teams."));
        String conversationId = member.personalConversationId();
        if (conversationId == null || directory.conversation(conversationId).isEmpty()) {
            conversationId = open(member);
        }
        return new ChatAddress(user, ChatPlace.direct(conversationId));
    }

    private String open(TeamsDirectory.Member member) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(member.botId()));
        parameters.setMembers(List.of(new ChannelAccount(member.memberId())));
        parameters.setTenantId(member.tenantId());
        ObjectNode channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("tenant").put("id", member.tenantId());
        parameters.setChannelData(channelData);
        ConversationResourceResponse created = adapter.connectorFor(member.serviceUrl())
                .thenCompose(connector -> connector.getConversations().createConversation(parameters)).join();

        ConversationReference reference = new ConversationReference();
        reference.setChannelId(Channels.MSTEAMS);
        reference.setServiceUrl(created.getServiceUrl() != null ? created.getServiceUrl() : member.serviceUrl());
        ConversationAccount conversation = new ConversationAccount(created.getId());
        conversation.setConversationType("personal");
        conversation.setTenantId(member.tenantId());
        reference.setConversation(conversation);
        reference.setBot(new ChannelAccount(member.botId()));
        reference.setUser(new ChannelAccount(member.memberId(), member.displayName()));
        directory.rememberConversation(reference);
        directory.rememberMember(new TeamsDirectory.Member(member.userId(), member.memberId(), member.displayName(),
                member.tenantId(), member.serviceUrl(), member.botId(), created.getId()));
        return created.getId();
    }
}
