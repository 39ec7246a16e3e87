package dev.ecabot.teams;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Insecure-local (no app id, explicitly asked for): the Emulator's unsigned activities are served. */
class TeamsEndpointInsecureLocalTest {

    @Test
    void anUnsignedActivityIsServedAndRepliesCarryNoCredentials() throws Exception {
        EchoBot bot = new EchoBot();
        try (FakeBotConnector connector = new FakeBotConnector();
             TeamsEndpoint endpoint = new TeamsEndpoint(TeamsSettings.insecureLocal(), adapter -> bot)) {
            HttpResponse<String> response = endpoint.post(
                    TeamsEndpoint.activity("message_personal.json", connector.serviceUrl()), null);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(connector.posted()).singleElement().satisfies(reply -> {
                assertThat(reply.body().path("text").asText()).isEqualTo("echo: hello bot");
                assertThat(reply.authorization()).isNull();
            });
        }
    }
}
