package dev.ecabot.slack;

import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.outbox.Outbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Slack conversation of {@link SlackConversationTest} again, with the durable outbox between the engine and
 * Slack (as {@code ecabot serve} runs), plus what Slack does on a bad day: HTTP 429 with Retry-After, 5xx and
 * refusals on the post of the Reveal offer. Figures asserted: the requester gets the button exactly once, the
 * secret is shown once and only to the requester, nothing the engine sent is lost or doubled.
 */
class SlackConversationThroughOutboxTest extends SlackConversationTest {

    Outbox outbox;

    @Override
    ChatPort enginePort(ChatPort slackPort) {
        outbox = new Outbox(slackPort, db.dataSource(), Outbox.Settings.defaults()
                .withFirstDelay(Duration.ofMillis(200))).start();
        return outbox;
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
