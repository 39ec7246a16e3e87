package dev.ecabot.app.serve;

import dev.ecabot.app.EcaBotCommand;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.store.Database;
import dev.ecabot.slack.FakeSlackWebApi;
import dev.ecabot.slack.SignedRequests;
import dev.ecabot.vault.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code ecabot serve}: the production way to run the bot. */
class ServeCommandTest {

    static final String SIGNING_SECRET = "0f9e8d7c6b5a49382716a5b4c3d2e1f0";

    @Test
    void withNoChatPlatformConfiguredThereIsNothingToServe() {
        assertThatThrownBy(() -> ServeCommand.start(Map.of()))
                .isInstanceOf(ServeCommand.NothingToServe.class)
                .hasMessageContaining("SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
                .hasMessageContaining("docs/slack.md")
                .hasMessageContaining("MICROSOFT_APP_ID")
                .hasMessageContaining("docs/teams.md");
    }

    @Test
    void theCommandLineExitsWith2AndSaysWhatToSetWhenNothingIsConfigured() {
        StringWriter err = new StringWriter();
        var cli = EcaBotCommand.commandLine(Map.of());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("serve")).isEqualTo(2);
        assertThat(err.toString()).contains("No chat platform is configured");
    }

    @Test
    void aBrokenConfigurationFileExitsWith2AndNamesTheProblem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ecabot.yaml");
        Files.writeString(config, "roles:\n  bosses: [ \"slack:*\" ]\n");
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi()) {
            StringWriter err = new StringWriter();
            var cli = EcaBotCommand.commandLine(env(slackApi, Map.of("ECABOT_CONFIG", config.toString())));
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute("serve")).isEqualTo(2);
            assertThat(err.toString()).contains("bosses");
        }
    }

    @Test
    void halfASlackConfigurationIsRefusedWithTheVariableToSet() {
        assertThatThrownBy(() -> ServeCommand.start(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SLACK_SIGNING_SECRET is not set");
        assertThatThrownBy(() -> ServeCommand.start(Map.of("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_SIGNING_SECRET", "s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a bot token starting with 'xoxb-'");
    }

    @Test
    void servesSlackOnTheBotsHttpServerAndAnswersAnEcaCommand(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ecabot.yaml");
        Files.writeString(config, "roles:\n  requesters: [ \"slack:*\" ]\n");
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(env(slackApi, Map.of("ECABOT_CONFIG", config.toString())))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(bot.server().baseUri().resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("ok");

            FakeSlackWebApi.Call reply = help(slackApi, bot);
            assertThat(reply.param("channel")).isEqualTo("D0CAROL01");
            assertThat(reply.param("text")).contains("Commands");
            assertThat(SignedRequests.JSON.readTree(reply.param("blocks")).toString()).contains("new");
            assertThat(reply.token()).isEqualTo("xoxb-9-9-servetoken");
        }
    }

    @Test
    void withoutRolesASlackUserIsToldWhoToAskAndWithWhichId() throws Exception {
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(env(slackApi, Map.of()))) {
            assertThat(help(slackApi, bot).param("text"))
                    .contains("You have no role with this bot yet").contains("slack:U0CAROL01");
        }
    }

    @Test
    void servesTeamsAloneAndRefusesAnActivityWithoutAToken() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("MICROSOFT_APP_ID", "00000000-0000-0000-0000-00000000b07a");
        env.put("MICROSOFT_APP_PASSWORD", "test-only-app-password");
        env.put("MICROSOFT_APP_TENANT_ID", "00000000-0000-0000-0000-0000000000aa");
        env.put("ECABOT_PORT", "0");
        env.put("ECABOT_DB_URL", "jdbc:h2:mem:serve-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.put(MasterKey.ENV_VAR, Base64.getEncoder().encodeToString(new byte[32]));
        try (ServeCommand.Running bot = ServeCommand.start(env)) {
            HttpClient http = HttpClient.newHttpClient();
            String activity = """
                    {"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
                     "from":{"id":"29:1abc","aadObjectId":"6e1f0a7c-0000-4000-8000-00000000a11c"},
                     "conversation":{"id":"a:1xyz","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000aa"},
                     "recipient":{"id":"28:00000000-0000-0000-0000-00000000b07a"},"text":"help"}""";
            HttpResponse<String> unauthenticated = http.send(
                    HttpRequest.newBuilder(bot.server().baseUri().resolve("/api/messages"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(activity)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unauthenticated.statusCode()).isEqualTo(401);

            HttpResponse<String> slack = http.send(
                    HttpRequest.newBuilder(bot.server().baseUri().resolve("/slack/events"))
                            .POST(HttpRequest.BodyPublishers.ofString("")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slack.statusCode()).as("Slack is not configured, so not served").isIn(404, 405);
        }
    }

    @Test
    void aRestartWhileAnAppWasBeingCreatedStartsServingAndFinishesItForTheRequester(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ecabot.yaml");
        Files.writeString(config, "roles:\n  requesters: [ \"slack:*\" ]\n");
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi()) {
            Map<String, String> env = env(slackApi, Map.of("ECABOT_CONFIG", config.toString(),
                    "ECABOT_DB_URL", "jdbc:h2:file:" + dir.resolve("ecabot").toAbsolutePath()));
            ServeCommand.start(env).close(); // the database as the first instance left it...
            try (Database db = Database.open(env.get("ECABOT_DB_URL"), null, null)) {
                ChatUser carol = new ChatUser("slack", "U0CAROL01", "Carol", null);
                ChatPlace dm = ChatPlace.direct("D0CAROL01");
                java.time.Instant started = java.time.Instant.now().minusSeconds(120);
                ConversationState confirmed = new ConversationState(ConversationKey.of(new ChatEvent.Text(carol, dm, "")),
                        carol, dm, Stage.PROVISIONING, "altify-mcp", "demo", Map.of("org", "demo", "app_name",
                        "Restart App", "api_name", "Restart_App", "contact_email", "ops@example.com", "description", ""),
                        null, started, started, 0);
                new ConversationStore(db.dataSource()).save(confirmed); // ...killed right after carol confirmed
                ChatUser dave = new ChatUser("teams", "6e1f0a7c-0000-4000-8000-00000000da7e", "Dave", null);
                ChatPlace teamsChat = ChatPlace.direct("a:1dave");
                new ConversationStore(db.dataSource()).save(new ConversationState(
                        ConversationKey.of(new ChatEvent.Text(dave, teamsChat, "")), dave, teamsChat, Stage.PROVISIONING,
                        "altify-mcp", "demo", Map.of("org", "demo", "app_name", "Teams App", "api_name", "Teams_App",
                        "contact_email", "ops@example.com", "description", ""), null, started, started, 0));
            }

            try (ServeCommand.Running bot = ServeCommand.start(env)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("chat.postMessage").stream()
                        .anyMatch(c -> c.param("blocks") != null && c.param("blocks").contains("Reveal")));
                assertThat(slackApi.calls("chat.postMessage")).extracting(c -> c.param("text"))
                        .anySatisfy(t -> assertThat(t).contains("picking up where it stopped"));
                assertThat(slackApi.calls("chat.postMessage")).allSatisfy(c ->
                        assertThat(c.param("channel")).isEqualTo("D0CAROL01"));
            }
            try (Database db = Database.open(env.get("ECABOT_DB_URL"), null, null)) {
                assertThat(new ConversationStore(db.dataSource()).inStage(Stage.PROVISIONING))
                        .as("left for an instance that serves Teams").singleElement()
                        .satisfies(s -> assertThat(s.user().platform()).isEqualTo("teams"));
            }
        }
    }

    @Test
    void aRestartWhileATeamsAppWasBeingCreatedStartsServingAndFinishesItInTheRequestersChat(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("ecabot.yaml");
        Files.writeString(config, "roles:\n  requesters: [ \"teams:*\" ]\n");
        try (RecordingBotConnector connector = new RecordingBotConnector()) {
            Map<String, String> env = new HashMap<>();
            env.put("ECABOT_TEAMS_INSECURE_LOCAL", "true");
            env.put("ECABOT_CONFIG", config.toString());
            env.put("ECABOT_PORT", "0");
            env.put("ECABOT_DB_URL", "jdbc:h2:file:" + dir.resolve("ecabot").toAbsolutePath());
            env.put(MasterKey.ENV_VAR, Base64.getEncoder().encodeToString(new byte[32]));
            ServeCommand.start(env).close(); // the database as the first instance left it...
            try (Database db = Database.open(env.get("ECABOT_DB_URL"), null, null)) {
                ChatUser dave = new ChatUser("teams", "29:1dave", "Dave", null);
                ChatPlace chat = ChatPlace.direct("a:1dave");
                java.time.Instant started = java.time.Instant.now().minusSeconds(120);
                new ConversationStore(db.dataSource()).save(new ConversationState(
                        ConversationKey.of(new ChatEvent.Text(dave, chat, "")), dave, chat, Stage.PROVISIONING,
                        "altify-mcp", "demo", Map.of("org", "demo", "app_name", "Teams App", "api_name", "Teams_App",
                        "contact_email", "ops@example.com", "description", ""), null, started, started, 0));
                var reference = new com.microsoft.bot.schema.ConversationReference();
                reference.setChannelId("msteams");
                reference.setServiceUrl(connector.serviceUrl());
                reference.setUser(new com.microsoft.bot.schema.ChannelAccount("29:1dave", "Dave"));
                reference.setBot(new com.microsoft.bot.schema.ChannelAccount("28:ecabot", "ECA bot"));
                var conversation = new com.microsoft.bot.schema.ConversationAccount("a:1dave");
                conversation.setConversationType("personal");
                reference.setConversation(conversation);
                new dev.ecabot.teams.TeamsDirectory(db.dataSource(), java.time.Clock.systemUTC())
                        .rememberConversation(reference); // ...killed right after dave confirmed in his Teams chat
            }

            try (ServeCommand.Running bot = ServeCommand.start(env)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> connector.posted().stream()
                        .anyMatch(body -> body.contains("Reveal")));
                assertThat(connector.posted()).anySatisfy(body -> assertThat(body).contains("picking up where it stopped"));
                assertThat(connector.paths()).allSatisfy(path -> assertThat(path).contains("/v3/conversations/a:1dave/"));
                assertThat(connector.posted().stream().filter(body -> body.contains("Reveal")))
                        .as("one offer, once").hasSize(1);
            }
            try (Database db = Database.open(env.get("ECABOT_DB_URL"), null, null)) {
                assertThat(new ConversationStore(db.dataSource()).inStage(Stage.PROVISIONING)).isEmpty();
            }
        }
    }

    /** The Bot Connector at a conversation's serviceUrl, as far as a proactive send needs it: records each call. */
    static final class RecordingBotConnector implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.util.List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();

        RecordingBotConnector() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                paths.add(exchange.getRequestURI().getPath());
                if (exchange.getRequestMethod().equals("POST")) posted.add(body);
                byte[] answer = ("{\"id\":\"1:" + ids.incrementAndGet() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String serviceUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/amer/";
        }

        java.util.List<String> paths() {
            return java.util.List.copyOf(paths);
        }

        java.util.List<String> posted() {
            return java.util.List.copyOf(posted);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static FakeSlackWebApi.Call help(FakeSlackWebApi slackApi, ServeCommand.Running bot) {
        SignedRequests slack = new SignedRequests(bot.server().baseUri().resolve("/slack/events"), SIGNING_SECRET);
        HttpResponse<String> ack = slack.postCommand(SignedRequests.commandForm("help", "U0CAROL01", "D0CAROL01",
                slackApi.responseUrl("serve-1")));
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !slackApi.calls("chat.postMessage").isEmpty());
        return slackApi.calls("chat.postMessage").get(0);
    }

    static Map<String, String> env(FakeSlackWebApi slackApi, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("SLACK_BOT_TOKEN", "xoxb-9-9-servetoken");
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_API_URL", slackApi.apiUrl());
        env.put("ECABOT_PORT", "0");
        env.put("ECABOT_DB_URL", "jdbc:h2:mem:serve-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.put(MasterKey.ENV_VAR, Base64.getEncoder().encodeToString(new byte[32]));
        return env;
    }
}
