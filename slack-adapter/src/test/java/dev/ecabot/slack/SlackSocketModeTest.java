package dev.ecabot.slack;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.store.Database;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Socket Mode: no public URL; the bot connects out with SLACK_APP_TOKEN and acks envelopes on the socket. */
class SlackSocketModeTest {

    @Test
    void aSlashCommandArrivingOverTheSocketIsAckedThereAndReachesTheEngine() throws Exception {
        List<ChatEvent> handled = new CopyOnWriteArrayList<>();
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             FakeSocketModeServer socket = new FakeSocketModeServer();
             Database db = Database.inMemory("slack-socket-" + UUID.randomUUID())) {
            slackApi.answer("apps.connections.open", "{\"ok\":true,\"url\":\"" + socket.url() + "\"}");
            SlackSettings settings = SlackSettings.builder().botToken(Secret.of("xoxb-7-8-sockettoken"))
                    .appToken(Secret.of("xapp-1-A0ECA0001-1700-apptoken")).apiUrl(slackApi.apiUrl()).build();
            try (SlackEndpoint endpoint = new SlackEndpoint(settings, db.dataSource(), Clock.systemUTC())) {
                endpoint.listen(handled::add);
                endpoint.startSocketMode();
                await().atMost(Duration.ofSeconds(20)).until(socket::connected);
                assertThat(slackApi.calls("apps.connections.open").get(0).token()).isEqualTo("xapp-1-A0ECA0001-1700-apptoken");

                socket.sendEnvelope("""
                        {"envelope_id":"1d3c7e5a-0000-4000-8000-00000000ab01","type":"slash_commands",
                         "accepts_response_payload":true,
                         "payload":{"token":"legacy","team_id":"T0ECA0001","team_domain":"eca-test",
                           "channel_id":"D0ALICE01","channel_name":"directmessage","user_id":"U0ALICE01",
                           "user_name":"alice","command":"/eca","text":"new vonage","api_app_id":"A0ECA0001",
                           "is_enterprise_install":"false","response_url":"https://hooks.slack.com/commands/T0ECA0001/1/x",
                           "trigger_id":"1700000500.1.abc"}}""");

                await().atMost(Duration.ofSeconds(20)).until(() -> socket.received().stream()
                        .anyMatch(m -> m.contains("1d3c7e5a-0000-4000-8000-00000000ab01")));
                await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 1);
                ChatEvent.Command command = (ChatEvent.Command) handled.get(0);
                assertThat(command.place()).isEqualTo(ChatPlace.direct("D0ALICE01"));
                assertThat(command.name()).isEqualTo("new");
                assertThat(command.arguments()).isEqualTo("vonage");
            }
        }
    }
}
