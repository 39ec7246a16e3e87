package dev.ecabot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Tells a Slack user, in words, that something went wrong with their request: through the interaction's
 * response_url when there is one (an ephemeral reply, which works even when the bot token is refused), else
 * in a direct message. Failures here are only logged: there is no further way to reach the person. Thread-safe.
 */
final class UserNotice {

    private static final Logger log = LoggerFactory.getLogger(UserNotice.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Slack slack;
    private final SlackWebApi api;

    UserNotice(Slack slack, SlackWebApi api) {
        this.slack = slack;
        this.api = api;
    }

    void tell(SlackInbound inbound, String words) {
        try {
            if (inbound.responseUrl() != null) {
                String body = JSON.writeValueAsString(Map.of("response_type", "ephemeral", "text", words));
                int status = slack.send(inbound.responseUrl(), body).getCode();
                if (status / 100 != 2) log.warn("Slack refused a response_url reply (HTTP {})", status);
                return;
            }
            ConversationsOpenResponse dm = api.call("conversations.open",
                    c -> c.conversationsOpen(r -> r.users(List.of(inbound.userId()))));
            api.call("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(dm.getChannel().getId()).text(words)));
        } catch (SlackCallFailed e) {
            log.warn("Could not tell Slack user {} about a failure: {}", inbound.userId(), e.getMessage());
        } catch (IOException e) {
            // Not the message: it may quote the response_url, which works as a credential for 30 minutes.
            log.warn("Could not tell Slack user {} about a failure ({})", inbound.userId(), e.getClass().getSimpleName());
        }
    }
}
