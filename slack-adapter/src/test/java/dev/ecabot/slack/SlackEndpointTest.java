package dev.ecabot.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.store.Database;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Slack endpoint over real HTTP: signed requests in, a fake Slack Web API recording what the bot sends. */
class SlackEndpointTest {

    static final String SECRET = "3f1c9d0e8b7a65f4c3b2a1908f7e6d5c";
    static final ChatUser ALICE = new ChatUser("slack", "U0ALICE01", "alice", "alice@example.com");

    FakeSlackWebApi slackApi;
    Database db;
    List<ChatEvent> handled = new CopyOnWriteArrayList<>();
    volatile Consumer<ChatEvent> behaviour = inbound -> { };
    SlackEndpoint endpoint;
    JettyTestServer server;
    SignedRequests slack;

    @BeforeEach
    void start() throws Exception {
        slackApi = new FakeSlackWebApi();
        db = Database.inMemory("slack-" + UUID.randomUUID());
        endpoint = newEndpoint();
        server = new JettyTestServer(SlackEndpoint.PATH, endpoint.servlet());
        slack = new SignedRequests(server.uri(SlackEndpoint.PATH), SECRET);
    }

    SlackEndpoint newEndpoint() {
        SlackSettings settings = SlackSettings.builder()
                .botToken(Secret.of("xoxb-1111-2222-testtoken"))
                .signingSecret(Secret.of(SECRET))
                .apiUrl(slackApi.apiUrl())
                .build();
        return new SlackEndpoint(settings, db.dataSource(), Clock.systemUTC()).listen(inbound -> {
            handled.add(inbound);
            behaviour.accept(inbound);
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        endpoint.close();
        db.close();
        slackApi.close();
    }

    String command(String text) {
        return SignedRequests.commandForm(text, "U0ALICE01", "C0INTEGR1", slackApi.responseUrl("cmd-1"));
    }

    @Test
    void slashCommandIsAckedAndItsWordsReachTheBot() throws Exception {
        HttpResponse<String> response = slack.postCommand(command("new vonage"));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        // Typed in a channel, the conversation moves to the person's DM (the place is their user id).
        assertThat(handled.get(0)).isEqualTo(new ChatEvent.Command(ALICE, ChatPlace.direct("U0ALICE01"), "new", "vonage"));
        assertThat(SignedRequests.JSON.readTree(response.body()).get("text").asText())
                .isEqualTo(":speech_balloon: I'll continue in our direct messages.");
    }

    @Test
    void slackUrlVerificationGetsItsChallengeBack() {
        HttpResponse<String> response = slack.postEvent(SignedRequests.payload("events/url_verification.json"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Zq3x9vK2mP8sT1wR5yB7nC4dF6gH0jL2aE9uI3oQ");
    }

    @Test
    void unsignedForgedStaleAndFutureRequestsAreRefusedAndDoNothing() {
        String body = command("new vonage");
        long now = Instant.now().getEpochSecond();
        String form = "application/x-www-form-urlencoded";

        assertThat(slack.send(form, body, null, null, Map.of()).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(slack.send(form, body, String.valueOf(now), SignedRequests.sign("not-the-secret", now, body), Map.of())
                .statusCode()).as("signed with another secret").isEqualTo(401);
        assertThat(slack.send(form, body + "&text=tampered", String.valueOf(now), slack.sign(now, body), Map.of())
                .statusCode()).as("body changed after signing").isEqualTo(401);
        long stale = now - 6 * 60;
        assertThat(slack.send(form, body, String.valueOf(stale), slack.sign(stale, body), Map.of())
                .statusCode()).as("six minutes old").isEqualTo(401);
        long future = now + 10 * 60;
        assertThat(slack.send(form, body, String.valueOf(future), slack.sign(future, body), Map.of())
                .statusCode()).as("ten minutes in the future").isEqualTo(401);

        // A genuine request afterwards is handled: so the refusals above were not a broken endpoint.
        assertThat(slack.postCommand(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        assertThat(slackApi.calls()).extracting(FakeSlackWebApi.Call::method).containsOnly("auth.test", "users.info");
        assertThat(slackApi.calls("users.info")).hasSize(1);
    }

    @Test
    void aSmallClockSkewIntoTheFutureIsTolerated() {
        String body = command("help");
        long nearFuture = Instant.now().getEpochSecond() + 20;
        HttpResponse<String> response = slack.send("application/x-www-form-urlencoded", body,
                String.valueOf(nearFuture), slack.sign(nearFuture, body), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void retriedEventDeliveriesAreHandledOnce() {
        ObjectNode mention = SignedRequests.payload("events/app_mention.json");

        assertThat(slack.postEvent(mention, Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.postEvent(mention, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode()).isEqualTo(200);
        assertThat(slack.postEvent(mention, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly(
                new ChatEvent.Text(ALICE, new ChatPlace("C0INTEGR1", "1700000100.000200"), "new vonage"));
    }

    @Test
    void anEventAlreadyTakenInByAnotherInstanceIsNotHandledAgain() throws Exception {
        ObjectNode dm = SignedRequests.payload("events/message_im.json");
        try (SlackEndpoint second = newEndpoint();
             JettyTestServer secondServer = new JettyTestServer(SlackEndpoint.PATH, second.servlet())) {
            SignedRequests toSecond = new SignedRequests(secondServer.uri(SlackEndpoint.PATH), SECRET);
            assertThat(slack.postEvent(dm, Map.of()).statusCode()).isEqualTo(200);
            assertThat(toSecond.postEvent(dm, Map.of("X-Slack-Retry-Num", "1")).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly(new ChatEvent.Text(ALICE, ChatPlace.direct("D0ALICE01"), "help"));
    }

    @Test
    void distinctEventsAreEachHandled() {
        ObjectNode first = SignedRequests.payload("events/message_im.json");
        ObjectNode second = first.deepCopy().put("event_id", "Ev0DIRECT2");
        ((ObjectNode) second.get("event")).put("text", "status");

        slack.postEvent(first, Map.of());
        slack.postEvent(second, Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 2);
        assertThat(handled).extracting(i -> ((ChatEvent.Text) i).text()).containsExactlyInAnyOrder("help", "status");
    }

    @Test
    void theBotsOwnMessagesInItsDirectMessagesAreIgnored() {
        ObjectNode own = SignedRequests.payload("events/message_im.json").put("event_id", "Ev0OWN");
        ((ObjectNode) own.get("event")).put("user", "U0ECABOT1").put("bot_id", "B0ECABOT1");

        assertThat(slack.postEvent(own, Map.of()).statusCode()).isEqualTo(200);
        slack.postEvent(SignedRequests.payload("events/message_im.json"), Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly(new ChatEvent.Text(ALICE, ChatPlace.direct("D0ALICE01"), "help"));
    }

    @Test
    void editsAndDeletionsInTheDirectMessageAreAckedAndIgnored() {
        ObjectNode edited = SignedRequests.payload("events/message_im.json").put("event_id", "Ev0EDITED");
        ObjectNode event = (ObjectNode) edited.get("event");
        event.put("subtype", "message_changed").remove("user");
        event.putObject("message").put("type", "message").put("user", "U0ALICE01").put("text", "help me")
                .put("ts", "1700000200.000300");

        HttpResponse<String> response = slack.postEvent(edited, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        slack.postEvent(SignedRequests.payload("events/message_im.json"), Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly(new ChatEvent.Text(ALICE, ChatPlace.direct("D0ALICE01"), "help"));
    }

    @Test
    void aSlowSalesforceDoesNotDelayTheAck() throws Exception {
        CountDownLatch salesforceAnswers = new CountDownLatch(1);
        behaviour = inbound -> {
            try {
                salesforceAnswers.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            // The ack comes back while the work is still waiting on "Salesforce".
            HttpResponse<String> response = slack.postCommand(command("new vonage"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(salesforceAnswers.getCount()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 1);
        } finally {
            salesforceAnswers.countDown();
        }
    }

    @Test
    void aRateLimitedReplyIsSentAgainAfterTheWaitSlackAskedFor() {
        behaviour = inbound -> endpoint.webApi().call("chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0INTEGR1").text("Which org?")));
        slackApi.rateLimitNext("chat.postMessage", 1);

        slack.postCommand(command("new vonage"));

        await().atMost(Duration.ofSeconds(20)).until(() -> slackApi.calls("chat.postMessage").size() == 2);
        assertThat(slackApi.calls("chat.postMessage")).allSatisfy(call -> {
            assertThat(call.param("channel")).isEqualTo("C0INTEGR1");
            assertThat(call.param("text")).isEqualTo("Which org?");
            assertThat(call.token()).isEqualTo("xoxb-1111-2222-testtoken");
        });
        assertThat(slackApi.calls("response_url")).isEmpty();
    }

    @Test
    void whenTheBotIsNotInTheChannelTheUserIsToldHowToFixIt() {
        behaviour = inbound -> endpoint.webApi().call("chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0INTEGR1").text("Which org?")));
        slackApi.failNext("chat.postMessage", "not_in_channel");

        slack.postCommand(command("new vonage"));

        await().atMost(Duration.ofSeconds(15)).until(() -> slackApi.calls("response_url").size() == 1);
        FakeSlackWebApi.Call notice = slackApi.calls("response_url").get(0);
        assertThat(notice.param("url")).isEqualTo("/response/cmd-1");
        assertThat(notice.param("body")).contains("\"response_type\":\"ephemeral\"")
                .contains("I'm not a member of that channel. Invite me with /invite @ECA bot");
    }

    @Test
    void whenAChannelIsGoneTheMentionerGetsADirectMessageSayingSo() {
        behaviour = inbound -> endpoint.webApi().call("chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0GONE").text("Approval needed")));
        slackApi.failNext("chat.postMessage", "channel_not_found");

        slack.postEvent(SignedRequests.payload("events/app_mention.json"), Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> slackApi.calls("chat.postMessage").size() == 2);
        assertThat(slackApi.calls("conversations.open").get(0).param("users")).isEqualTo("U0ALICE01");
        FakeSlackWebApi.Call told = slackApi.calls("chat.postMessage").get(1);
        assertThat(told.param("channel")).isEqualTo("DU0ALICE01");
        assertThat(told.param("text")).startsWith("I can't find that Slack channel");
    }

    @Test
    void aRevokedTokenIsReportedToTheUserThroughTheResponseUrl() {
        behaviour = inbound -> endpoint.webApi().call("chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0INTEGR1").text("Which org?")));
        slackApi.failNext("chat.postMessage", "invalid_auth");

        slack.postCommand(command("new vonage"));

        await().atMost(Duration.ofSeconds(15)).until(() -> slackApi.calls("response_url").size() == 1);
        assertThat(slackApi.calls("response_url").get(0).param("body"))
                .contains("Slack refused my token (invalid_auth)").doesNotContain("xoxb-");
    }

    @Test
    void anUnreachableSlackAtStartupIsReportedAsSuchNotAsABadToken() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SlackSettings settings = SlackSettings.builder().botToken(Secret.of("xoxb-1111-2222-testtoken"))
                .signingSecret(Secret.of(SECRET)).apiUrl("http://127.0.0.1:" + closedPort + "/api/").build();
        assertThatThrownBy(() -> new SlackEndpoint(settings, db.dataSource(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not reach Slack's Web API at http://127.0.0.1:" + closedPort)
                .hasMessageNotContaining("xoxb-1111");
    }

    @Test
    void aTokenSlackRefusesAtStartupStopsTheEndpointWithTheFix() {
        slackApi.failNext("auth.test", "invalid_auth");
        assertThatThrownBy(this::newEndpoint)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Slack refused SLACK_BOT_TOKEN")
                .hasMessageContaining("invalid_auth")
                .hasMessageContaining("OAuth & Permissions")
                .hasMessageNotContaining("xoxb-1111");
    }
}
