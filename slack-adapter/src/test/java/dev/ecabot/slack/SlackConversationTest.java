package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.conversation.ConversationEngine;
import dev.ecabot.conversation.dialogue.AppProvisioner;
import dev.ecabot.conversation.dialogue.ProvisionedApp;
import dev.ecabot.conversation.dialogue.ProvisioningStep;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.store.Database;
import dev.ecabot.testing.CapturedLogs;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole conversations through Slack: signed requests into the running endpoint, the real conversation engine
 * behind it, a fake Slack Web API recording what people would see, a fake Salesforce (provisioner).
 */
class SlackConversationTest {

    static final String SECRET = "9a8b7c6d5e4f30211203f4e5d6c7b8a9";
    static final String CONSUMER_SECRET = "A1B2C3D4E5F6071829304152637485960718293041526374859607182930415";

    FakeSlackWebApi slackApi;
    Database db;
    SlackEndpoint endpoint;
    JettyTestServer server;
    SignedRequests slack;
    SlackUserSimulator alice;
    SlackUserSimulator bob;
    final CountDownLatch salesforceAnswers = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        slackApi = new FakeSlackWebApi();
        db = Database.inMemory("slack-conv-" + UUID.randomUUID());
        SlackSettings settings = SlackSettings.builder().botToken(Secret.of("xoxb-3333-4444-convtoken"))
                .signingSecret(Secret.of(SECRET)).apiUrl(slackApi.apiUrl()).build();
        endpoint = new SlackEndpoint(settings, db.dataSource(), Clock.systemUTC());
        ConversationEngine engine = ConversationEngine.builder()
                .port(endpoint.chatPort())
                .dataSource(db.dataSource())
                .playbooks(PlaybookCatalog.load())
                .orgs(() -> List.of("demo", "staging"))
                .provisioner(slowSalesforce())
                .access(new AccessPolicy(new RolesConfig(List.of(Grantee.parse("slack:*")), List.of(), List.of())))
                .revealOffers(new RevealOffers(db.dataSource(), MasterKey.generate(), new AuditTrail(db.dataSource())))
                .build();
        endpoint.listen(engine::handle);
        server = new JettyTestServer(SlackEndpoint.PATH, endpoint.servlet());
        slack = new SignedRequests(server.uri(SlackEndpoint.PATH), SECRET);
        alice = new SlackUserSimulator("U0ALICE01", slack, slackApi);
        bob = new SlackUserSimulator("U0BOB0001", slack, slackApi);
    }

    @AfterEach
    void stop() throws Exception {
        salesforceAnswers.countDown();
        server.close();
        endpoint.close();
        db.close();
        slackApi.close();
    }

    /** Salesforce that answers only when the test lets it: deploys, then hands back the app's credentials. */
    AppProvisioner slowSalesforce() {
        return (order, progress, secrets) -> {
            progress.accept(ProvisioningStep.DEPLOYING);
            try {
                if (!salesforceAnswers.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("test never let Salesforce answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            progress.accept(ProvisioningStep.DEPLOYED);
            progress.accept(ProvisioningStep.READING_CREDENTIALS);
            String key = "3MVG9CONSUMERKEY0000000001";
            return new ProvisionedApp(order.spec().apiName(), key,
                    secrets.seal(order.spec().apiName(), key, Secret.of(CONSUMER_SECRET)));
        };
    }

    @Test
    void aWholePlaybookFromDirectMessageToCredentialsShownOnceInAModal() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (CapturedLogs logs = new CapturedLogs()) {
            walkAPlaybookToTheReveal();
            // Even at DEBUG, neither the secret nor the bot token reached a log line.
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(CONSUMER_SECRET) || l.contains("xoxb-3333"));
        } finally {
            root.setLevel(before);
        }
    }

    void walkAPlaybookToTheReveal() {
        assertThat(alice.says("new altify-mcp").statusCode()).isEqualTo(200);

        FakeSlackWebApi.Call orgQuestion = awaitMessageWithBlock("choice:org");
        assertThat(orgQuestion.param("channel")).isEqualTo(alice.dmChannel);
        assertThat(orgQuestion.param("text")).contains("Which Salesforce org");
        assertThat(alice.clicks(orgQuestion, "choice:org", "choice-0").statusCode()).isEqualTo(200);
        // The question shows who chose what, and its buttons are gone.
        await().atMost(Duration.ofSeconds(30)).until(() -> updateOf(orgQuestion).isPresent());
        assertThat(shown(updateOf(orgQuestion).get())).contains("<@U0ALICE01> chose *demo*").doesNotContain("\"actions\"");

        fillForm("app_name", "Altify MCP");
        // A bad API name is refused inside the modal, beside the field, and nothing moves on.
        FakeSlackWebApi.Call apiNameForm = openForm("api_name");
        HttpResponse<String> refused = alice.submits(apiNameForm, Map.of("api_name", "1bad__name"));
        JsonNode ack = SlackUserSimulator.json(refused.body());
        assertThat(ack.path("response_action").asText()).isEqualTo("errors");
        assertThat(ack.path("errors").path("api_name").asText()).isNotBlank();
        assertThat(alice.submits(apiNameForm, Map.of("api_name", "Altify_MCP")).body()).isEmpty();
        fillForm("contact_email", "alice@example.com");
        fillForm("description", "");

        FakeSlackWebApi.Call summary = awaitMessageWithBlock("choice:confirm");
        assertThat(shown(summary)).contains("Altify_MCP").contains("alice@example.com");
        long ackStarted = System.nanoTime();
        assertThat(alice.clicks(summary, "choice:confirm", "choice-0").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - ackStarted)).isLessThan(Duration.ofSeconds(3));

        // Progress is one message, edited in place while Salesforce works.
        FakeSlackWebApi.Call progress = await().atMost(Duration.ofSeconds(30)).until(
                () -> lastPost(c -> c.param("text") != null && c.param("text").startsWith("Creating")), Optional::isPresent).get();
        assertThat(shown(awaitUpdateOf(progress))).contains(":hourglass_flowing_sand: Deploying the app");
        salesforceAnswers.countDown();
        FakeSlackWebApi.Call offer = awaitMessageWithBlock("reveal");
        assertThat(shown(updateOf(progress).get())).contains(":white_check_mark: Reading the credentials");
        assertThat(offer.param("channel")).isEqualTo(alice.dmChannel);

        // Someone else pressing the button sees nothing; the secret stays sealed.
        bob.clicks(offer, "reveal", "reveal");
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").size() == 1);
        assertThat(slackApi.calls("views.update").get(0).param("view")).contains("Nothing to show").doesNotContain(CONSUMER_SECRET);

        // The requester's click opens a private window with the secret; the DM then says when it was revealed.
        alice.clicks(offer, "reveal", "reveal");
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").size() == 2);
        assertThat(slackApi.calls("views.update").get(1).param("view")).contains(CONSUMER_SECRET);
        await().atMost(Duration.ofSeconds(30)).until(() -> updateOf(offer).isPresent());
        assertThat(shown(updateOf(offer).get())).contains("revealed at").doesNotContain("Reveal credentials");

        // The secret was never in a message, only in the modal.
        assertThat(slackApi.calls()).filteredOn(c -> !c.method().startsWith("views."))
                .allSatisfy(c -> assertThat(c.params().toString()).doesNotContain(CONSUMER_SECRET));
    }

    @Test
    void typingRevealInsteadOfPressingTheButtonReleasesNothing() {
        alice.says("reveal abc123");
        await().atMost(Duration.ofSeconds(30)).until(() -> lastPost(c -> true).isPresent());
        assertThat(lastPost(c -> true).get().param("text")).contains("Reveal credentials\" button");
        assertThat(slackApi.calls("views.open")).isEmpty();
    }

    void fillForm(String fieldId, String answer) {
        FakeSlackWebApi.Call form = openForm(fieldId);
        HttpResponse<String> ack = alice.submits(form, Map.of(fieldId, answer));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).as("form %s accepted", fieldId).isEmpty();
    }

    /** Waits for the form's "Fill in" message, presses it, and returns the views.open that built the modal. */
    FakeSlackWebApi.Call openForm(String formId) {
        FakeSlackWebApi.Call message = awaitMessageWithBlock("form:" + formId);
        int opened = slackApi.calls("views.open").size();
        alice.clicks(message, "form:" + formId, "form-open");
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.open").size() > opened);
        FakeSlackWebApi.Call viewsOpen = slackApi.calls("views.open").get(opened);
        assertThat(viewsOpen.param("trigger_id")).isNotBlank();
        return viewsOpen;
    }

    FakeSlackWebApi.Call awaitMessageWithBlock(String blockId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> lastPost(c -> c.param("blocks") != null && c.param("blocks").contains("\"block_id\":\"" + blockId + "\"")),
                        Optional::isPresent)
                .orElseThrow(() -> new AssertionError("the bot never posted " + blockId + "; posts: " + posts()));
    }

    Optional<FakeSlackWebApi.Call> lastPost(java.util.function.Predicate<FakeSlackWebApi.Call> matching) {
        List<FakeSlackWebApi.Call> posts = slackApi.calls("chat.postMessage").stream().filter(matching).toList();
        return posts.isEmpty() ? Optional.empty() : Optional.of(posts.get(posts.size() - 1));
    }

    /** Waits for an edit of {@code message}; on timeout, says which edits there were (for a diagnosable failure). */
    FakeSlackWebApi.Call awaitUpdateOf(FakeSlackWebApi.Call message) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> updateOf(message).isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no chat.update of ts " + SlackUserSimulator.tsOf(message) + " (" + message.param("text")
                    + "); updates: " + slackApi.calls("chat.update").stream().map(c -> c.param("ts") + " " + c.param("text")).toList()
                    + "; posts: " + slackApi.calls("chat.postMessage").stream().map(c -> c.param("_response_ts") + " " + c.param("text")).toList(), e);
        }
        return updateOf(message).get();
    }

    Optional<FakeSlackWebApi.Call> updateOf(FakeSlackWebApi.Call message) {
        String ts = SlackUserSimulator.tsOf(message);
        return slackApi.calls("chat.update").stream().filter(u -> ts.equals(u.param("ts"))).reduce((a, b) -> b);
    }

    /** The blocks of a posted or updated message, decoded (Slack's JSON escapes < and > as \\u003c, \\u003e). */
    static String shown(FakeSlackWebApi.Call message) {
        return SlackUserSimulator.blocksOf(message).toString();
    }

    List<String> posts() {
        return slackApi.calls("chat.postMessage").stream().map(c -> c.param("text")).toList();
    }
}
