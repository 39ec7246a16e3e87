package dev.ecabot.teams;

import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With an app id, only activities carrying a valid Bot Framework token reach the bot; everything else is 401. */
class TeamsEndpointAuthenticationTest {

    static final String APP_ID = "11111111-2222-3333-4444-555555555555";

    static FakeBotFrameworkLogin login;
    FakeBotConnector connector;
    EchoBot bot;
    TeamsEndpoint endpoint;

    @BeforeAll
    static void startLogin() throws Exception {
        login = new FakeBotFrameworkLogin(); // RSA key generation is slow: one signing service per class
    }

    @AfterAll
    static void stopLogin() {
        login.close();
    }

    @BeforeEach
    void start() throws Exception {
        connector = new FakeBotConnector();
        bot = new EchoBot();
        TeamsSettings settings = TeamsSettings.authenticated(APP_ID, Secret.of("client-secret"), "5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6")
                .withOpenIdMetadataUrl(login.openIdMetadataUrl());
        endpoint = new TeamsEndpoint(settings, adapter -> bot);
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        connector.close();
    }

    String personalMessage() {
        return TeamsEndpoint.activity("message_personal.json", connector.serviceUrl());
    }

    @Test
    void aCorrectlySignedActivityIsAnsweredThroughTheConnectorWithTheBotsOwnToken() {
        HttpResponse<String> response = endpoint.post(personalMessage(), login.channelToken(APP_ID, connector.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(bot.turns).hasValue(1);
        FakeBotConnector.Call reply = connector.posted().get(0);
        assertThat(reply.path()).isEqualTo("/v3/conversations/a:1TestPersonalChatWithAnaLopez0001/activities/1763629964210");
        assertThat(reply.authorization()).isEqualTo("Bearer " + TeamsEndpoint.OUTBOUND_TOKEN);
        assertThat(reply.body().path("text").asText()).isEqualTo("echo: hello bot");
        assertThat(reply.body().path("replyToId").asText()).isEqualTo("1763629964210");
    }

    @Test
    void anActivityWithoutATokenIsRefusedAndNeverProcessed() {
        assertRefused(endpoint.post(personalMessage(), null));
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        assertRefused(endpoint.post(personalMessage(), "Bearer not-a-jwt"));
        assertRefused(endpoint.post(personalMessage(), "Basic dXNlcjpwYXNz"));
        assertRefused(endpoint.post(personalMessage(), "Bearer"));
    }

    @Test
    void aTokenSignedWithAKeyBotFrameworkNeverPublishedIsRefused() {
        assertRefused(endpoint.post(personalMessage(), login.forgedToken(APP_ID, connector.serviceUrl())));
    }

    @Test
    void aTokenIssuedForAnotherBotIsRefused() {
        assertRefused(endpoint.post(personalMessage(),
                login.channelToken("99999999-8888-7777-6666-555555555555", connector.serviceUrl())));
    }

    @Test
    void aTokenIssuedForAnotherServiceUrlIsRefused() {
        // A stolen token cannot redirect the bot's replies (and its credentials) to another host.
        assertRefused(endpoint.post(personalMessage(), login.channelToken(APP_ID, "https://smba.trafficmanager.net/amer/")));
    }

    @Test
    void aSignedActivityFromAnotherBotFrameworkChannelIsRefused() {
        // Web Chat and Direct Line clients choose their own user ids: they must never pass for Teams users.
        String webChat = personalMessage().replace("\"channelId\": \"msteams\"", "\"channelId\": \"webchat\"");
        assertThat(webChat).contains("webchat");
        assertRefused(endpoint.post(webChat, login.channelToken(APP_ID, connector.serviceUrl())));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(endpoint.post(personalMessage(), login.expiredToken(APP_ID, connector.serviceUrl())));
    }

    @Test
    void aBodyThatIsNotAnActivityIsABadRequest() {
        HttpResponse<String> response = endpoint.post("{not json", login.channelToken(APP_ID, connector.serviceUrl()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a Bot Framework activity");
        assertThat(bot.turns).hasValue(0);
    }

    @Test
    void anInvokeIsAnsweredWithTheBotsInvokeResponse() {
        HttpResponse<String> response = endpoint.post(
                TeamsEndpoint.activity("invoke_task_fetch.json", connector.serviceUrl()),
                login.channelToken(APP_ID, connector.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json(response.body()).at("/task/value").asText()).isEqualTo("invoked task/fetch");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bot.turns).hasValue(0);
        assertThat(connector.calls()).isEmpty();
    }
}
