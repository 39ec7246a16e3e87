package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.testing.CrashingPort;
import dev.ecabot.testing.DigestSamples;
import dev.ecabot.conversation.outbox.Outbox;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Teams conversation of {@link TeamsConversationTest} again as {@code ecabot serve} runs it: Teams answered 202
 * before the turn runs, retried deliveries dropped by activity id, every reply through the durable outbox. Plus a
 * connector on a bad day: 429 with Retry-After, 5xx, and one so slow the answer to Teams must not wait for it.
 * Figures asserted: secrets lost 0, shown to anyone but the requester 0, messages lost or doubled 0, answers to
 * Teams that waited for the connector 0.
 */
class TeamsConversationThroughOutboxTest extends TeamsConversationTest {

    Outbox outbox;
    final ExecutorService turnThreads = Executors.newFixedThreadPool(4);
    final AtomicInteger turnsRunning = new AtomicInteger();
    /** Turns wait here while a test holds it closed (deliveries are then answered 202, their turns not yet run). */
    volatile java.util.concurrent.CountDownLatch turnsGate = new java.util.concurrent.CountDownLatch(0);
    final Executor turns = task -> {
        turnsRunning.incrementAndGet();
        turnThreads.execute(() -> {
            try {
                turnsGate.await();
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                turnsRunning.decrementAndGet();
            }
        });
    };
    int ids;

    TeamsProcessedActivities processed;
    CrashingPort crashing;

    @Override
    TeamsEndpoint endpoint(TeamsSettings settings, Function<TeamsBotAdapter, Bot> bot) throws Exception {
        processed = new TeamsProcessedActivities(db.dataSource(), Clock.systemUTC());
        return new TeamsEndpoint(settings, bot, processed, turns);
    }

    @Override
    TeamsProcessedActivities processedActivities() {
        return processed;
    }

    @Override
    ChatPort enginePort(TeamsChatPort teamsPort) {
        outbox = new Outbox(teamsPort, db.dataSource(), Outbox.Settings.defaults()
                .withFirstDelay(Duration.ofMillis(200))).start();
        crashing = new CrashingPort(outbox);
        return crashing;
    }

    @Override
    HttpResponse<String> post(ObjectNode activity) {
        // The base tests reuse fixture activities; Teams gives every new activity its own id.
        if (!activity.path("type").asText().equals("invoke")) activity.put("id", activity.path("id").asText() + "#" + (++ids));
        return super.post(activity);
    }

    @Override
    void settle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> turnsRunning.get() == 0 && outbox.idle());
    }

    @Override
    void stopOutbox() {
        if (outbox != null) outbox.close();
        turnThreads.shutdownNow();
    }

    @org.junit.jupiter.api.AfterEach
    void awaitAsBefore() {
        org.awaitility.Awaitility.reset();
    }

    @Test
    void aRateLimitedRevealOfferIsPostedOnceAndTheSecretShownOnceToTheRequester() {
        connector.failMatching("\"ecabot\":\"reveal\"", 2, 429, 1);

        walkThePlaybookAndRevealOnce();

        assertThat(connector.refused()).hasSize(2);
        assertThat(offersPosted()).isEqualTo(1);
        assertThat(outbox.count("DEAD")).isZero();
    }

    @Test
    void aConnectorServerErrorOnTheRevealOfferLosesNothing() {
        connector.failMatching("\"ecabot\":\"reveal\"", 2, 503, null);

        walkThePlaybookAndRevealOnce();

        assertThat(connector.refused()).hasSize(2);
        assertThat(offersPosted()).isEqualTo(1);
    }

    @Test
    void aPreconditionFailedOnTheRevealOfferIsRetriedAsTeamsAsksAndLosesNothing() {
        connector.failMatching("\"ecabot\":\"reveal\"", 2, 412, null);

        walkThePlaybookAndRevealOnce();

        assertThat(connector.refused()).hasSize(2);
        assertThat(offersPosted()).isEqualTo(1);
        assertThat(outbox.count("DEAD")).isZero();
    }

    @Test
    void aRetriedDeliveryIsTakenInOnceAndNeverBecomesAnAnswer() {
        ObjectNode start = activity("message_personal.json");
        start.put("text", "new altify-mcp demo");
        start.put("id", "retried-activity-1");
        String token = login.channelToken(APP_ID, connector.serviceUrl());

        HttpResponse<String> first = endpoint.post(start.toString(), token);
        HttpResponse<String> retry = endpoint.post(start.toString(), token);
        settle();

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(connector.posted()).as("one question asked, the retry not taken as the app's name")
                .filteredOn(c -> c.body().toString().contains("field:app_name")).hasSize(1);
        // the whole form, once: a retry taken as the app's name would have brought the rest of it (from api_name) again
        assertThat(connector.posted()).filteredOn(c -> c.body().toString().contains("field:api_name")).hasSize(1);
        assertThat(inputIds(lastCard())).containsExactly("field:app_name", "field:api_name", "field:contact_email",
                "field:description");
    }

    @Test
    void anActivityRetriedAfterTheBotDiedBeforeTheTurnCommittedIsProcessedOnce() {
        // The dying turn's Error ends its thread uncaught, as a killed process would: not a failure of this test.
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        crashing.crashNextQuestionAt(CrashingPort.Point.BEFORE_COMMIT);
        ObjectNode start = activity("message_personal.json");
        start.put("text", "new altify-mcp demo");
        start.put("id", "crash-before-1");
        String token = login.channelToken(APP_ID, connector.serviceUrl());

        assertThat(endpoint.post(start.toString(), token).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> crashing.crashed() && turnsRunning.get() == 0);
        assertThat(rows("SELECT COUNT(*) FROM teams_processed_activity")).as("the dying turn recorded nothing").isZero();
        // Teams got its 202 but the bot died; the same activity comes again (a retry, or replayed by the channel).
        assertThat(endpoint.post(start.toString(), token).statusCode()).isEqualTo(202);
        settle();

        assertThat(connector.posted()).as("the question, asked once").filteredOn(c -> c.body().toString()
                .contains("field:app_name")).hasSize(1);
        assertThat(connector.posted()).filteredOn(c -> c.body().toString().contains(GREETING)).hasSize(1);
        assertThat(rows("SELECT COUNT(*) FROM conversation_state")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM teams_processed_activity")).isEqualTo(1);
    }

    @Test
    void anActivityRetriedAfterTheBotDiedAfterTheTurnCommittedIsDroppedAndTheTurnsRepliesArriveOnce() {
        // The dying turn's Error ends its thread uncaught, as a killed process would: not a failure of this test.
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
        crashing.crashNextQuestionAt(CrashingPort.Point.AFTER_COMMIT);
        ObjectNode start = activity("message_personal.json");
        start.put("text", "new altify-mcp demo");
        start.put("id", "crash-after-1");
        String token = login.channelToken(APP_ID, connector.serviceUrl());

        assertThat(endpoint.post(start.toString(), token).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> crashing.crashed() && turnsRunning.get() == 0);
        assertThat(rows("SELECT COUNT(*) FROM teams_processed_activity")).as("recorded with the turn").isEqualTo(1);
        assertThat(endpoint.post(start.toString(), token).statusCode()).isEqualTo(202);
        settle(); // the committed replies go out on the outbox's next poll, as a restarted bot's would

        assertThat(connector.posted()).filteredOn(c -> c.body().toString().contains("field:app_name")).hasSize(1);
        assertThat(connector.posted()).filteredOn(c -> c.body().toString().contains(GREETING)).hasSize(1);
        // the whole form, once: a retry taken as the app's name would have brought the rest of it (from api_name) again
        assertThat(connector.posted()).as("the retry taken as the app's name")
                .filteredOn(c -> c.body().toString().contains("field:api_name")).hasSize(1);
        assertThat(rows("SELECT COUNT(*) FROM conversation_state")).isEqualTo(1);
    }

    @Test
    void aRetryThatOvertakesItsFirstDeliveryIsDroppedByTheTurnNotLost() {
        // Both deliveries pass the endpoint's early check before either turn ran: the turn's own record decides.
        ObjectNode start = activity("message_personal.json");
        start.put("text", "new altify-mcp demo");
        start.put("id", "overtaken-1");
        String token = login.channelToken(APP_ID, connector.serviceUrl());
        turnsGate = new java.util.concurrent.CountDownLatch(1);
        try {
            assertThat(endpoint.post(start.toString(), token).statusCode()).isEqualTo(202);
            assertThat(endpoint.post(start.toString(), token).statusCode()).isEqualTo(202);
            assertThat(rows("SELECT COUNT(*) FROM teams_processed_activity")).as("neither turn run yet").isZero();
        } finally {
            turnsGate.countDown();
        }
        settle();
        assertThat(rows("SELECT COUNT(*) FROM teams_processed_activity")).isEqualTo(1);

        assertThat(connector.posted()).filteredOn(c -> c.body().toString().contains("field:app_name")).hasSize(1);
        assertThat(connector.posted()).as("the retry taken as the app's name")
                .filteredOn(c -> c.body().toString().contains("field:api_name")).hasSize(1);
    }

    private int rows(String sql) {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String GREETING = "Let's set up Altify MCP servers";

    @Test
    void teamsIsAnsweredBeforeTheSlowConnectorTakesTheReply() {
        connector.holdAll(); // every call to the connector waits: far slower than Teams' 15 s patience
        ObjectNode hello = activity("message_personal.json");
        hello.put("text", "help");
        hello.put("id", "slow-1");

        HttpResponse<String> answer = endpoint.post(hello.toString(), login.channelToken(APP_ID, connector.serviceUrl()));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(connector.posted()).isEmpty(); // answered while the reply was still on its way
        connector.release();
        settle();
        assertThat(connector.posted()).hasSize(1);
    }

    @Test
    void theLargestMessagesTheBotSendsStayUnderTheConnectorsLimit() {
        say("help"); // the bot knows Ana's personal chat
        ChatAddress ana = personalChats.addressOf(new ChatUser("teams", ANA_AAD_ID, "Ana Lopez", null));
        StringBuilder inventory = new StringBuilder("Apps in production-emea (600):");
        for (int i = 0; i < 600; i++) {
            inventory.append("\n- Vonage AI Studio ").append(i).append(" (Vonage_AI_Studio_").append(i)
                    .append("), owner ana@example.com, made 2026-03-0").append(i % 9 + 1).append(", refresh tokens expire in 90 days");
        }

        outbox.post(ana, approvalCardWithManySettings());
        outbox.post(ana, DigestSamples.worstCase());
        outbox.post(ana, TextMessage.info(inventory.toString()));
        settle();

        assertThat(connector.oversized()).as("activities over the connector's limit").isEmpty();
        assertThat(connector.posted()).allSatisfy(call -> assertThat(call.body().toString().getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(FakeBotConnector.MAX_ACTIVITY_BYTES));
        assertThat(outbox.count("DEAD")).isZero();
        assertThat(outbox.count("SENT")).isEqualTo(4); // help, card, digest, inventory
        assertThat(connector.posted()).anySatisfy(c -> assertThat(c.body().path("text").asText())
                .contains("Vonage AI Studio 0 ").contains("more lines, too many for one Teams message"));
        assertThat(connector.posted()).anySatisfy(c -> assertThat(c.body().toString())
                .contains("Callback URL 79").contains("were shortened to fit a Teams message"));
    }

    @Test
    void anActivityTheConnectorRefusesForItsSizeIsGivenUpAndTheRequesterIsToldInWords() {
        post(fromBen(activity("message_personal.json"))); // the approver's personal chat is known
        say("help"); // and the requester's
        connector.limitActivitiesTo(6_000); // a connector stricter than the size the cards are made for
        ChatAddress ben = personalChats.addressOf(new ChatUser("teams", BEN_AAD_ID, "Ben Okafor", null));

        outbox.post(ben, approvalCardWithManySettings());
        settle();

        assertThat(connector.oversized()).as("refused once, not retried").hasSize(1);
        assertThat(outbox.count("DEAD")).isEqualTo(1);
        assertThat(connector.posted()).filteredOn(c -> ANAS_CHAT.equals(c.conversationId()))
                .anySatisfy(c -> assertThat(c.body().toString()).contains("could not be shown to Ben Okafor")
                        .contains("http_413"));
        assertThat(connector.posted()).filteredOn(c -> BENS_CHAT.equals(c.conversationId()))
                .anySatisfy(c -> assertThat(c.body().toString()).contains("I could not deliver the approval card")
                        .contains("approve r-big"));
    }

    /** An approval request for an app with every setting filled in at length: the largest card the bot sends. */
    static ApprovalCard approvalCardWithManySettings() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            facts.add(new Fact("OAuth", "Callback URL " + i, "https://callbacks.example.com/tenant-" + i + "/" + "p".repeat(300)));
        }
        return new ApprovalCard("r-big", "Vonage AI Studio", "staging", "vonage", facts, "teams:" + ANA_AAD_ID,
                "Needed for the support team pilot", Instant.parse("2030-01-01T00:00:00Z"), "0123456789abcdef",
                ApprovalCard.Status.PENDING, null, null, null);
    }

    long offersPosted() {
        return connector.posted().stream().filter(c -> c.body().toString().contains("\"ecabot\":\"reveal\"")).count();
    }

    static JsonNode data(FakeBotConnector.Call card) {
        return card.body().at("/attachments/0/content/actions/0/data");
    }
}
