package dev.ecabot.app.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import dev.ecabot.app.http.BotHttpServer;
import dev.ecabot.teams.TeamsSettings;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsWiringTest {

    static final String ACTIVITY = """
            {"type":"message","id":"1763629964210","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/amer/",
             "from":{"id":"29:1user","name":"Ana Lopez"},"conversation":{"conversationType":"personal","id":"a:1chat"},
             "recipient":{"id":"28:11111111-2222-3333-4444-555555555555","name":"ECA bot"},"text":"hello"}""";

    final AtomicInteger turns = new AtomicInteger();

    ActivityHandler countingBot() {
        return new ActivityHandler() {
            @Override
            public CompletableFuture<Void> onTurn(TurnContext turnContext) {
                turns.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    @Test
    void withARegistrationTheEndpointRefusesRequestsWithoutAToken() throws Exception {
        TeamsSettings settings = TeamsSettings.fromEnvironment(Map.of(
                "MICROSOFT_APP_ID", "11111111-2222-3333-4444-555555555555",
                "MICROSOFT_APP_PASSWORD", "secret",
                "MICROSOFT_APP_TENANT_ID", "5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6"));
        try (BotHttpServer server = new BotHttpServer(0)) {
            assertThat(TeamsWiring.mount(server, settings, adapter -> countingBot())).isTrue();
            server.start();
            assertThat(post(server, null).statusCode()).isEqualTo(401);
            assertThat(post(server, "Bearer not-a-jwt").statusCode())
                    .isEqualTo(401);
            assertThat(turns).hasValue(0);
        }
    }

    @Test
    void insecureLocalServesUnsignedActivitiesAndSaysSoLoudly() throws Exception {
        try (BotHttpServer server = new BotHttpServer(0); dev.ecabot.testing.CapturedLogs logs = new dev.ecabot.testing.CapturedLogs()) {
            assertThat(TeamsWiring.mount(server, TeamsSettings.insecureLocal(), adapter -> countingBot())).isTrue();
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("TEAMS RUNS WITHOUT AUTHENTICATION"));
            server.start();
            assertThat(post(server, null).statusCode()).isEqualTo(202);
            assertThat(turns).hasValue(1);
        }
    }

    @Test
    void withNoConfigurationTeamsIsNotServed() throws Exception {
        try (BotHttpServer server = new BotHttpServer(0)) {
            assertThat(TeamsWiring.mount(server, TeamsSettings.fromEnvironment(Map.of()), adapter -> countingBot())).isFalse();
            server.start();
            assertThat(post(server, null).statusCode()).as("no servlet: Jetty's default answers").isIn(404, 405);
            assertThat(turns).hasValue(0);
        }
    }

    @Test
    void theEngineGetsTheTeamsPortAndEveryEventFromTeams() throws Exception {
        java.util.List<dev.ecabot.conversation.ChatEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<dev.ecabot.conversation.ChatPort> ports = new java.util.ArrayList<>();
        try (BotHttpServer server = new BotHttpServer(0); dev.ecabot.store.Database db = dev.ecabot.store.Database.inMemory("wiring")) {
            var chat = TeamsWiring.mount(server, TeamsSettings.insecureLocal(), db.dataSource(), java.time.ZoneOffset.UTC,
                    port -> { ports.add(port); return events::add; });
            server.start();
            assertThat(post(server, null).statusCode()).isEqualTo(202);
            assertThat(chat).isPresent();
            assertThat(ports).containsExactly(chat.get().port());
            // Teams is answered 202 first; the turn runs right after.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> !events.isEmpty());
            assertThat(events).singleElement().isInstanceOfSatisfying(dev.ecabot.conversation.ChatEvent.Text.class, text -> {
                assertThat(text.text()).isEqualTo("hello");
                assertThat(text.user().key()).isEqualTo("teams:29:1user");
                assertThat(text.place().channelId()).isEqualTo("a:1chat");
            });
        }
    }

    private static HttpResponse<String> post(BotHttpServer server, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(TeamsWiring.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ACTIVITY));
        if (authorization != null) request.header("Authorization", authorization);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
