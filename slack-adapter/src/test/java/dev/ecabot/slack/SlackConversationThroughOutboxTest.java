package dev.ecabot.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.outbox.Outbox;
import dev.ecabot.testing.CrashingPort;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Slack conversation of {@link SlackConversationTest} again, with the durable outbox between the engine and
 * Slack (as {@code ecabot serve} runs), plus what Slack does on a bad day: HTTP 429 with Retry-After, 5xx and
 * refusals on the post of the Reveal offer. Figures asserted: the requester gets the button exactly once, the
 * secret is shown once and only to the requester, nothing the engine sent is lost or doubled. And what the bot does on
 * a bad day: its process dying in the middle of a turn (before or after the turn's commit) while Slack retries the
 * event; the event id is recorded in the turn's own transaction, so the turn happens exactly once.
 */
class SlackConversationThroughOutboxTest extends SlackConversationTest {

    private static final String GREETING = "Let's set up Altify MCP servers";
    private static final String RETRY = "X-Slack-Retry-Num";

    Outbox outbox;
    CrashingPort crashing;

    @Override
    ChatPort enginePort(ChatPort slackPort) {
        outbox = new Outbox(slackPort, db.dataSource(), Outbox.Settings.defaults()
                .withFirstDelay(Duration.ofMillis(200))).start();
        crashing = new CrashingPort(outbox);
        return crashing;
    }

    @org.junit.jupiter.api.AfterEach
    void awaitAsBefore() {
        org.awaitility.Awaitility.reset();
    }

    @Test
    void anEventRetriedAfterTheBotDiedBeforeTheTurnCommittedIsProcessedOnce() {
        // The dying turn's Error ends its thread uncaught, as a killed process would: not a failure of this test.
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        crashing.crashNextQuestionAt(CrashingPort.Point.BEFORE_COMMIT);
        ObjectNode event = aliceSays("new altify-mcp demo", "Ev0CRASHBEFORE");

        assertThat(slack.postEvent(event, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(crashing::crashed);
        // Slack heard no answer in time and delivers the event again; the dying turn left nothing behind.
        assertThat(slack.postEvent(event, Map.of(RETRY, "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode())
                .isEqualTo(200);

        awaitMessageWithBlock("form:q:app_name");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.idle());
        assertThat(postsContaining(GREETING)).as("greetings: the retry's turn, once").isEqualTo(1);
        assertThat(postsWithBlock("form:q:app_name")).as("first questions asked").isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM conversation_state")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM slack_processed_event WHERE event_id = 'Ev0CRASHBEFORE'")).isEqualTo(1);
    }

    @Test
    void anEventRetriedAfterTheBotDiedAfterTheTurnCommittedIsDroppedAndTheTurnsRepliesArriveOnce() {
        // The dying turn's Error ends its thread uncaught, as a killed process would: not a failure of this test.
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        crashing.crashNextQuestionAt(CrashingPort.Point.AFTER_COMMIT);
        ObjectNode event = aliceSays("new altify-mcp demo", "Ev0CRASHAFTER");

        assertThat(slack.postEvent(event, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> crashing.crashed()
                && rows("SELECT COUNT(*) FROM slack_processed_event WHERE event_id = 'Ev0CRASHAFTER'") == 1);
        assertThat(slack.postEvent(event, Map.of(RETRY, "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode())
                .isEqualTo(200);

        // The committed replies go out (the outbox's next poll, as a restarted bot's would); the retry is no turn.
        awaitMessageWithBlock("form:q:app_name");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.idle());
        assertThat(postsContaining(GREETING)).as("greetings").isEqualTo(1);
        assertThat(postsWithBlock("form:q:app_name")).as("first questions asked").isEqualTo(1);
        assertThat(postsWithBlock("form:q:api_name")).as("the retry taken as the app's name").isZero();
        assertThat(rows("SELECT COUNT(*) FROM conversation_state")).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceAtOnceIsOneTurn() throws Exception {
        ObjectNode event = aliceSays("new altify-mcp demo", "Ev0TWICE");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> slack.postEvent(event, Map.of()));
            var second = two.submit(() -> slack.postEvent(event, Map.of(RETRY, "1", "X-Slack-Retry-Reason", "http_error")));
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(second.get().statusCode()).isEqualTo(200);
        } finally {
            two.shutdownNow();
        }
        HttpResponse<String> late = slack.postEvent(event, Map.of(RETRY, "2", "X-Slack-Retry-Reason", "http_timeout"));
        assertThat(late.statusCode()).isEqualTo(200);

        awaitMessageWithBlock("form:q:app_name");
        alice.says("help"); // a later turn of alice's, so every earlier one has run when its answer arrives
        await().atMost(Duration.ofSeconds(30)).until(() -> postsContaining("reveal [offer]") == 1 && outbox.idle());
        assertThat(postsContaining(GREETING)).as("greetings").isEqualTo(1);
        assertThat(postsWithBlock("form:q:app_name")).isEqualTo(1);
        assertThat(postsWithBlock("form:q:api_name")).as("a repeat taken as the app's name").isZero();
    }

    private ObjectNode aliceSays(String text, String eventId) {
        ObjectNode event = SignedRequests.payload("events/message_im.json");
        event.put("event_id", eventId);
        ((ObjectNode) event.get("event")).put("user", alice.userId).put("channel", alice.dmChannel).put("text", text)
                .put("ts", "1700009000.000100");
        return event;
    }

    private long postsContaining(String text) {
        return delivered().stream().filter(c -> alice.dmChannel.equals(c.param("channel"))
                && (c.param("text") + (c.param("blocks") == null ? "" : shown(c))).contains(text)).count();
    }

    private long postsWithBlock(String blockId) {
        return delivered().stream().filter(c -> c.param("blocks") != null
                && c.param("blocks").contains("\"block_id\":\"" + blockId + "\"")).count();
    }

    private int rows(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet r = ps.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void stopOutbox() {
        if (outbox != null) outbox.close();
    }

    @Test
    void aRateLimitedRevealOfferIsPostedOnceAfterTheWaitAndTheSecretShownOnceToTheRequester() {
        slackApi.rateLimitMatching("chat.postMessage", "\"block_id\":\"reveal\"", 2, 1);

        walkAPlaybookToTheReveal();

        assertThat(slackApi.faultsServed()).isEqualTo(2);
        assertThat(offersDelivered()).isEqualTo(1);
        assertThat(secretsShown()).isEqualTo(1); // only in Alice's modal: Bob's click showed why not
        await().until(() -> outbox.idle());
        assertThat(outbox.count("DEAD")).isZero();
    }

    @Test
    void aSlackServerErrorOnTheRevealOfferLosesNothing() {
        slackApi.serverErrorMatching("chat.postMessage", "\"block_id\":\"reveal\"", 2, 503);

        walkAPlaybookToTheReveal();

        assertThat(slackApi.faultsServed()).isEqualTo(2);
        assertThat(offersDelivered()).isEqualTo(1);
        assertThat(secretsShown()).isEqualTo(1);
    }

    @Test
    void aRateLimitedQuestionStillArrivesAndTheConversationGoesOnInOrder() {
        slackApi.rateLimitMatching("chat.postMessage", "\"block_id\":\"choice:q:org\"", 1, 1);
        slackApi.serverErrorMatching("chat.postMessage", "\"block_id\":\"form:q:app_name\"", 1, 500);

        walkAPlaybookToTheReveal();

        assertThat(slackApi.faultsServed()).isEqualTo(2);
        assertThat(delivered()).filteredOn(c -> c.param("blocks") != null
                && c.param("blocks").contains("\"block_id\":\"choice:q:org\"")).hasSize(1);
        assertThat(offersDelivered()).isEqualTo(1);
    }

    @Test
    void aRevealOfferSlackRefusesIsGivenUpAndTheRequesterIsToldTheSecretWaits() {
        slackApi.refuseMatching("chat.postMessage", "\"block_id\":\"reveal\"", 1, "invalid_blocks");
        alice.says("new altify-mcp demo");
        fillForm("app_name", "Altify MCP");
        fillForm("api_name", "Altify_MCP");
        fillForm("contact_email", "alice@example.com");
        fillForm("description", "");
        var summary = awaitMessageWithBlock("choice:confirm");
        alice.clicks(summary, "choice:confirm", "choice-0");
        salesforceAnswers.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> postsTo(alice.dmChannel).stream()
                .anyMatch(c -> String.valueOf(c.param("text")).contains("I could not deliver the Reveal button")));
        assertThat(outbox.count("DEAD")).isEqualTo(1);

        // The secret waits in the vault: "reveal" lists it with its button again.
        alice.says("reveal");
        var offer = awaitMessageWithBlock("reveal");
        alice.clicks(offer, "reveal", "reveal");
        await().atMost(Duration.ofSeconds(30)).until(() -> secretsShown() == 1);
    }

    long offersDelivered() {
        return delivered().stream().filter(c -> c.param("blocks") != null
                && c.param("blocks").contains("\"block_id\":\"reveal\"")).count();
    }

    long secretsShown() {
        return slackApi.calls("views.update").stream().filter(c -> c.param("view").contains(CONSUMER_SECRET)).count();
    }
}
