package dev.ecabot.teams;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Teams directory keeps, on each database the bot supports. */
abstract class TeamsDirectoryContract {

    Database db;
    TeamsDirectory directory;

    abstract Database open();

    @BeforeEach
    void start() {
        db = open();
        directory = new TeamsDirectory(db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    static ConversationReference reference(String conversationId, String serviceUrl) {
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(serviceUrl);
        ConversationAccount conversation = new ConversationAccount(conversationId);
        conversation.setConversationType("personal");
        conversation.setTenantId("5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");
        reference.setConversation(conversation);
        reference.setBot(new ChannelAccount("28:bot", "ECA bot"));
        reference.setUser(new ChannelAccount("29:ana", "Ana Lopez"));
        return reference;
    }

    @Test
    void aConversationIsFoundAgainWithItsLatestServiceUrl() {
        directory.rememberConversation(reference("a:1chat", "https://smba.trafficmanager.net/amer/"));
        directory.rememberConversation(reference("a:1chat", "https://smba.trafficmanager.net/emea/"));

        ConversationReference found = directory.conversation("a:1chat").orElseThrow();
        assertThat(found.getServiceUrl()).isEqualTo("https://smba.trafficmanager.net/emea/");
        assertThat(found.getConversation().getTenantId()).isEqualTo("5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");
        assertThat(found.getUser().getName()).isEqualTo("Ana Lopez");
        assertThat(directory.conversation("a:1other")).isEmpty();
    }

    @Test
    void aPersonSeenLaterInAChannelKeepsTheirPersonalChat() {
        directory.rememberMember(new TeamsDirectory.Member("aad-ana", "29:ana", "Ana Lopez", "tenant-1",
                "https://smba.trafficmanager.net/amer/", "28:bot", "a:1chat"));
        directory.rememberMember(new TeamsDirectory.Member("aad-ana", "29:ana", "Ana López", "tenant-1",
                "https://smba.trafficmanager.net/emea/", "28:bot", null));

        TeamsDirectory.Member ana = directory.member("aad-ana").orElseThrow();
        assertThat(ana.personalConversationId()).isEqualTo("a:1chat");
        assertThat(ana.displayName()).isEqualTo("Ana López");
        assertThat(ana.serviceUrl()).isEqualTo("https://smba.trafficmanager.net/emea/");
        assertThat(directory.member("aad-someone-else")).isEmpty();
    }
}
