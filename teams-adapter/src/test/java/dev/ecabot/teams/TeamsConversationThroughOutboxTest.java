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
    final Executor turns = task -> {
        turnsRunning.incrementAndGet();
        turnThreads.execute(() -> {
            try {
                task.run();
            } finally {
                turnsRunning.decrementAndGet();
            }
        });
    };
    int ids;

    @Override
    TeamsEndpoint endpoint(TeamsSettings settings, Function<TeamsBotAdapter, Bot> bot) throws Exception {
        return new TeamsEndpoint(settings, bot, new TeamsProcessedActivities(db.dataSource(), Clock.systemUTC()), turns);
    }

    @Override
    ChatPort enginePort(TeamsChatPort teamsPort) {
        outbox = new Outbox(teamsPort, db.dataSource(), Outbox.Settings.defaults()
                .withFirstDelay(Duration.ofMillis(200))).start();
        return outbox;
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
