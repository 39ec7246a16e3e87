package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.engine.ConversationEngine;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.provisioning.ProvisionedCredentials;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.store.Database;
import dev.ecabot.testing.CapturedLogs;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Whole conversations with the real engine, through /api/messages and the fake connector. */
class TeamsConversationTest {

    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OTHER_AAD_ID = "99999999-aaaa-bbbb-cccc-000000000000";
    static final PlaybookCatalog PLAYBOOKS = PlaybookCatalog.load();
    static final String ANA_AAD_ID = "0f5b1c2e-8a4d-4e1f-9b7a-3c2d1e0f9a01";
    static final String BEN_AAD_ID = "4d7e2a90-1c3b-4f5e-a6d7-8e9f0a1b2c3d";
    static final String BENS_CHAT = "a:1TestPersonalChatWithBenOkafor0002";
    static final String ANAS_CHAT = "a:1TestPersonalChatWithAnaLopez0001";

    static FakeBotFrameworkLogin login;
    FakeBotConnector connector;
    Database db;
    ExecutorService background;
    TeamsEndpoint endpoint;
    TeamsChatPort port;
    PersonalChats personalChats;

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
        db = Database.inMemory("teams-" + System.nanoTime());
        background = Executors.newSingleThreadExecutor();
        TeamsSettings settings = TeamsSettings.authenticated(APP_ID, Secret.of("client-secret"), "5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6")
                .withOpenIdMetadataUrl(login.openIdMetadataUrl());
        endpoint = endpoint(settings, adapter -> {
            TeamsDirectory directory = new TeamsDirectory(db.dataSource(), Clock.systemUTC());
            AdaptiveCards cards = new AdaptiveCards(ZoneOffset.UTC);
            port = new TeamsChatPort(adapter, directory, cards,
                    new TeamsApprovalViews(db.dataSource(), Clock.systemUTC()));
            // Ana and another person ask; Ana and Ben approve (never their own). Demo needs no approval, staging one.
            AccessPolicy access = new AccessPolicy(RolesConfig.fromJson(json("{\"requesters\": [\"teams:" + ANA_AAD_ID
                    + "\", \"teams:" + OTHER_AAD_ID + "\"], \"approvers\": [\"teams:" + ANA_AAD_ID + "\", \"teams:" + BEN_AAD_ID + "\"]}")));
            personalChats = port.personalChats();
            ConversationEngine engine = ConversationEngine.builder().port(enginePort(port)).dataSource(db.dataSource())
                    .playbooks(PLAYBOOKS).orgs(() -> List.of("demo", "staging"))
                    .provisioner((order, delivery, reminders, progress) -> {
                        delivery.deliver(new ProvisionedCredentials(order.runId(), order.org(), order.spec().apiName(),
                                order.requester(), "3MVG9FAKECONSUMERKEY",
                                java.util.Optional.of(Secret.of("consumer-secret-value"))));
                        return ProvisioningResult.made(order, "3MVG9FAKECONSUMERKEY", java.time.Instant.now());
                    })
                    .access(access)
                    .revealOffers(new RevealOffers(db.dataSource(), MasterKey.generate(), new AuditTrail(db.dataSource())))
                    .approvals(new Approvals(db.dataSource(), ApprovalPolicyConfig.zeroConfig(), access,
                            new AuditTrail(db.dataSource()), Clock.systemUTC()))
                    .settings(EngineSettings.builder().background(background).build())
                    .build();
            return new TeamsBot(engine, port, directory, cards, Clock.systemUTC(), processedActivities());
        });
    }

    /** Where the bot records the activity ids it processed (in each turn's own transaction): none here. */
    TeamsProcessedActivities processedActivities() {
        return null;
    }

    /** The endpoint Teams posts to: turns run before the answer here; fast acks and an outbox in a subclass. */
    TeamsEndpoint endpoint(TeamsSettings settings, java.util.function.Function<TeamsBotAdapter, com.microsoft.bot.builder.Bot> bot)
            throws Exception {
        return new TeamsEndpoint(settings, bot);
    }

    /** The port the engine talks through: Teams' own here; the outbox in front of it in a subclass. */
    dev.ecabot.conversation.ChatPort enginePort(TeamsChatPort teamsPort) {
        return teamsPort;
    }

    /** Waits until what the last activity caused has reached Teams (nothing to wait for here: turns are synchronous). */
    void settle() {
    }

    void stopOutbox() {
    }

    @AfterEach
    void stop() throws Exception {
        stopOutbox();
        endpoint.close();
        background.shutdownNow();
        connector.close();
        db.close();
    }

    HttpResponse<String> say(String text) {
        ObjectNode activity = activity("message_personal.json");
        activity.put("text", text);
        activity.put("id", String.valueOf(System.nanoTime()));
        return post(activity);
    }

    HttpResponse<String> post(ObjectNode activity) {
        HttpResponse<String> response = endpoint.post(activity.toString(), login.channelToken(APP_ID, connector.serviceUrl()));
        settle();
        return response;
    }

    ObjectNode activity(String name) {
        try {
            return (ObjectNode) JSON.readTree(TeamsEndpoint.activity(name, connector.serviceUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> submit(ObjectNode data) {
        ObjectNode activity = activity("message_card_submit.json");
        activity.set("value", data);
        activity.put("id", "f:" + System.nanoTime());
        return post(activity);
    }

    JsonNode lastCard() {
        List<FakeBotConnector.Call> posted = connector.posted();
        JsonNode body = posted.get(posted.size() - 1).body();
        return body.path("attachments").path(0).path("content");
    }

    void dump() {
        for (FakeBotConnector.Call call : connector.calls()) {
            JsonNode b = call.body();
            System.out.println(call.method() + " " + call.path() + " text=" + b.path("text") + "\n  card=" + b.path("attachments").path(0).path("content").path("body") + "\n  actions=" + b.path("attachments").path(0).path("content").path("actions"));
        }
    }

    ObjectNode form(String formId, String field, String value) {
        return JSON.createObjectNode().put("ecabot", "form").put("formId", formId).put("field:" + field, value);
    }

    /** Answers the playbook's questions up to the confirmation card: all four in one card, submitted once. */
    void answerUpToConfirmation() {
        say("new altify-mcp demo");
        assertThat(inputIds(lastCard())).containsExactly("field:app_name", "field:api_name", "field:contact_email",
                "field:description");
        // the API name may stay empty: it then follows the app name (Altify_MCP)
        submit(altifyForm("Altify MCP", "", "ana@example.com"));
    }

    /** The altify-mcp card's data as Submit sends it: every field, the description filled in. */
    ObjectNode altifyForm(String appName, String apiName, String email) {
        return form("q:app_name", "app_name", appName).put("field:api_name", apiName).put("field:contact_email", email)
                .put("field:description", "ChatGPT to Altify MCP servers");
    }

    /** The last card the bot updated in place (a submitted card, refused or answered). */
    JsonNode lastUpdatedCard() {
        List<FakeBotConnector.Call> updates = connector.updates();
        return updates.get(updates.size() - 1).body().path("attachments").path(0).path("content");
    }

    HttpResponse<String> openRevealDialog(JsonNode revealData, String offerCardId, String aadObjectId) {
        ObjectNode invoke = activity("invoke_task_fetch.json");
        ((ObjectNode) invoke.path("value")).set("data", revealData);
        invoke.put("replyToId", offerCardId);
        ((ObjectNode) invoke.path("from")).put("aadObjectId", aadObjectId);
        return post(invoke);
    }

    @Test
    void aWholePlaybookEndsWithTheSecretInAPrivateDialogShownOnceToTheRequesterOnly() {
        try (CapturedLogs logs = new CapturedLogs()) {
            walkThePlaybookAndRevealOnce();
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("consumer-secret-value"));
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("client-secret"));
        }
    }

    void walkThePlaybookAndRevealOnce() {
        answerUpToConfirmation();
        JsonNode confirmation = lastCard();
        assertThat(confirmation.path("body").toString()).contains("Altify_MCP", "https://account.mcp.altify.dev/callback");
        assertThat(confirmation.at("/actions/0/data")).isEqualTo(json("{\"ecabot\":\"choice\",\"promptId\":\"confirm\",\"value\":\"confirm\",\"shown\":\"Create it\"}"));

        submit((ObjectNode) confirmation.at("/actions/0/data"));

        FakeBotConnector.Call offer = await().until(this::revealOfferCard, java.util.Optional::isPresent).get();
        FakeBotConnector.Call progress = connector.posted().stream()
                .filter(c -> c.body().at("/attachments/0/content/body/1/text").asText().startsWith("["))
                .findFirst().orElseThrow();
        await().untilAsserted(() -> assertThat(connector.updates())
                .as("progress is one card updated in place until every step is done")
                .filteredOn(u -> u.path().endsWith("/activities/" + progress.answeredId()))
                .last().satisfies(last -> {
                    List<String> lines = last.body().at("/attachments/0/content/body").findValuesAsText("text");
                    assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(step -> assertThat(step).startsWith("[done]"));
                }));
        assertThat(connector.calls()).allSatisfy(call ->
                assertThat(String.valueOf(call.body())).doesNotContain("consumer-secret-value"));

        JsonNode revealData = offer.body().at("/attachments/0/content/actions/0/data");
        assertThat(revealData.at("/msteams/type").asText()).isEqualTo("task/fetch");

        HttpResponse<String> someoneElse = openRevealDialog(revealData, offer.answeredId(), OTHER_AAD_ID);
        assertThat(json(someoneElse.body()).at("/task/type").asText()).isEqualTo("message");
        assertThat(json(someoneElse.body()).at("/task/value").asText()).contains("Only the person who asked");

        HttpResponse<String> dialog = openRevealDialog(revealData, offer.answeredId(), ANA_AAD_ID);
        assertThat(dialog.statusCode()).isEqualTo(200);
        JsonNode task = json(dialog.body()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("continue");
        assertThat(task.at("/value/card/contentType").asText()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
        assertThat(task.at("/value/card/content/body").toString()).contains("consumer-secret-value");
        assertThat(connector.calls()).as("the secret never became a chat message").allSatisfy(call ->
                assertThat(String.valueOf(call.body())).doesNotContain("consumer-secret-value"));
        // The dialog was answered from the vault at once; the offer card is marked used right after.
        await().untilAsserted(() -> assertThat(connector.updates()).anySatisfy(update -> {
            assertThat(update.path()).endsWith("/activities/" + offer.answeredId());
            assertThat(update.body().toString()).contains("Shown once to Ana Lopez").doesNotContain("Action.Submit");
        }));

        HttpResponse<String> again = openRevealDialog(revealData, offer.answeredId(), ANA_AAD_ID);
        assertThat(json(again.body()).at("/task/type").asText()).isEqualTo("message");
        assertThat(again.body()).doesNotContain("consumer-secret-value");
    }

    /** An activity of Ben's, in his personal chat with the bot. */
    ObjectNode fromBen(ObjectNode activity) {
        ((ObjectNode) activity.path("from")).put("id", "29:1BenOkafor-test-user-id-0002").put("name", "Ben Okafor")
                .put("aadObjectId", BEN_AAD_ID);
        ((ObjectNode) activity.path("conversation")).put("id", BENS_CHAT);
        activity.put("id", "b:" + System.nanoTime());
        return activity;
    }

    HttpResponse<String> benSubmits(ObjectNode data, String replyToId) {
        ObjectNode activity = fromBen(activity("message_card_submit.json"));
        activity.set("value", data);
        activity.put("replyToId", replyToId);
        return post(activity);
    }

    /** Ana asks for an Altify app in staging (one approval needed) and gives her reason; returns Ben's card. */
    FakeBotConnector.Call askForAnAppInStaging() {
        ObjectNode hello = fromBen(activity("message_personal.json"));
        post(hello); // Ben has the bot installed: it knows his personal chat
        say("new altify-mcp staging");
        submit(form("app_name", "app_name", "Altify MCP"));
        submit(form("api_name", "api_name", "Altify_MCP"));
        submit(form("contact_email", "contact_email", "ana@example.com"));
        submit(form("description", "description", "ChatGPT to Altify MCP servers"));
        submit((ObjectNode) lastCard().at("/actions/0/data"));
        submit(form("approval-reason", "approval-reason", "Needed for the support team pilot"));
        List<FakeBotConnector.Call> cards = connector.posted().stream()
                .filter(c -> c.body().toString().contains("\"ecabot\":\"approvalView\"")).toList();
        assertThat(cards).as("one card, in Ben's chat: never to the requester").singleElement()
                .satisfies(card -> assertThat(card.conversationId()).isEqualTo(BENS_CHAT));
        return cards.get(0);
    }

    /** A button of the approval card as Ben, an approver, sees it once Teams refreshed it for him. */
    JsonNode button(FakeBotConnector.Call card, String title) {
        JsonNode refresh = card.body().at("/attachments/0/content/refresh/action");
        return action(invoke(fromBen(activity("invoke_adaptive_card_action.json")), refresh, card.answeredId()).path("value"), title);
    }

    static JsonNode action(JsonNode card, String title) {
        for (JsonNode action : card.path("actions")) {
            if (title.equals(action.path("title").asText())) return action;
        }
        throw new AssertionError("no " + title + " button on " + card);
    }

    /** Teams' adaptiveCard/action invoke for {@code action} (a press, or a card's refresh) of the card {@code cardId}. */
    JsonNode invoke(ObjectNode invoke, JsonNode action, String cardId) {
        ((ObjectNode) invoke.path("value")).set("action", action);
        invoke.put("replyToId", cardId);
        HttpResponse<String> response = post(invoke);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    @Test
    void aRequestInAnOrgThatNeedsApprovalWaitsForTheApproverThenTheRequesterRevealsOnce() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        JsonNode everyone = card.body().at("/attachments/0/content");
        assertThat(everyone.toString()).contains("staging", "altify-mcp", "Needed for the support team pilot",
                "Altify_MCP", "ana@example.com", "Waiting for approval", "Open until");
        // the requester is named as a Teams mention, not as "teams:<id>"
        assertThat(everyone.toString()).contains("\"value\":\"<at>Ana Lopez</at>\"").doesNotContain("\"teams:" + ANA_AAD_ID);
        assertThat(everyone.at("/msteams/entities")).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo("mention");
            assertThat(e.path("text").asText()).isEqualTo("<at>Ana Lopez</at>");
            assertThat(e.at("/mentioned/id").asText()).isEqualTo(ANA_AAD_ID);
        });
        assertThat(everyone.path("actions").size()).as("the card as posted has no buttons").isZero();
        assertThat(everyone.at("/refresh/action/type").asText()).isEqualTo("Action.Execute");
        assertThat(everyone.at("/refresh/userIds")).extracting(JsonNode::asText)
                .as("Teams refreshes it for the approvers it went to").containsExactly("29:1BenOkafor-test-user-id-0002");
        assertThat(connector.posted()).filteredOn(c -> ANAS_CHAT.equals(c.conversationId()))
                .anySatisfy(c -> assertThat(c.body().path("text").asText()).contains("is waiting for approval"));

        // Refreshed for Ben (an approver): Approve and Deny. For Ana (the requester): the status only.
        JsonNode bens = invoke(fromBen(activity("invoke_adaptive_card_action.json")), everyone.at("/refresh/action"), card.answeredId());
        assertThat(bens.path("type").asText()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
        JsonNode approve = action(bens.path("value"), "Approve");
        assertThat(approve.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(approve.path("style").asText()).isEqualTo("positive");
        assertThat(action(bens.path("value"), "Deny").path("style").asText()).isEqualTo("destructive");
        JsonNode anas = invoke(activity("invoke_adaptive_card_action.json"), everyone.at("/refresh/action"), card.answeredId());
        assertThat(anas.at("/value/actions").size()).isZero();
        assertThat(anas.at("/value/msteams/entities/0/mentioned/id").asText()).as("refreshed cards keep the mention")
                .isEqualTo(ANA_AAD_ID);
        assertThat(anas.at("/value").toString()).contains("Waiting for approval");

        // Ana pressing Approve anyway (a forwarded card) is refused, to her alone (the invoke's answer); nothing changes.
        int posts = connector.posted().size();
        JsonNode refused = invoke(activity("invoke_adaptive_card_action.json"), approve, card.answeredId());
        assertThat(refused.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(refused.path("value").asText()).contains("You cannot decide your own request");
        assertThat(connector.posted()).hasSize(posts);
        assertThat(connector.updates()).noneSatisfy(u -> assertThat(u.path()).endsWith("/activities/" + card.answeredId()));

        // Ben approves: his answer is the card without buttons; every copy is updated with who approved and when.
        JsonNode answered = invoke(fromBen(activity("invoke_adaptive_card_action.json")), approve, card.answeredId());
        assertThat(answered.path("type").asText()).isEqualTo(AdaptiveCards.CONTENT_TYPE);
        assertThat(answered.at("/value/actions").size()).isZero();
        assertThat(connector.updates()).filteredOn(u -> u.path().endsWith(BENS_CHAT + "/activities/" + card.answeredId()))
                .singleElement().satisfies(u -> {
                    assertThat(u.body().toString()).contains("Approved by <at>Ben Okafor</at> on ").contains("Altify_MCP")
                            .doesNotContain("Action.Submit").doesNotContain("Action.Execute");
                    assertThat(u.body().at("/attachments/0/content/refresh").isMissingNode()).isTrue();
                });
        JsonNode late = invoke(fromBen(activity("invoke_adaptive_card_action.json")), everyone.at("/refresh/action"), card.answeredId());
        assertThat(late.at("/value").toString()).as("a late refresh shows the decision").contains("Approved by <at>Ben Okafor</at>");
        assertThat(late.at("/value/actions").size()).isZero();

        // The app is created; only Ana can reveal its secret, once.
        FakeBotConnector.Call offer = await().until(this::revealOfferCard, java.util.Optional::isPresent).get();
        assertThat(offer.conversationId()).isEqualTo(ANAS_CHAT);
        JsonNode revealData = offer.body().at("/attachments/0/content/actions/0/data");
        assertThat(openRevealDialog(revealData, offer.answeredId(), BEN_AAD_ID).body()).doesNotContain("consumer-secret-value");
        assertThat(openRevealDialog(revealData, offer.answeredId(), ANA_AAD_ID).body()).contains("consumer-secret-value");
        assertThat(openRevealDialog(revealData, offer.answeredId(), ANA_AAD_ID).body()).doesNotContain("consumer-secret-value");
        assertThat(connector.calls()).allSatisfy(call ->
                assertThat(String.valueOf(call.body())).doesNotContain("consumer-secret-value"));
    }

    @Test
    void eachReaderSeesTimesInTheTimeZoneTheirTeamsClientSent() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        ObjectNode hello = fromBen(activity("message_personal.json"));
        ((ObjectNode) hello.path("entities").path(0)).put("timezone", "America/Los_Angeles");
        post(hello); // Ben's Teams client says it is in California; Ana's (message_personal.json) in Madrid

        String bens = invoke(fromBen(activity("invoke_adaptive_card_action.json")),
                card.body().at("/attachments/0/content/refresh/action"), card.answeredId()).at("/value").toString();
        assertThat(bens).as("the card refreshed for Ben, in his time").containsPattern("Open until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d P[SD]T\\.");
        JsonNode anas = invoke(activity("invoke_adaptive_card_action.json"),
                card.body().at("/attachments/0/content/refresh/action"), card.answeredId());
        assertThat(anas.at("/value").toString()).as("the same card refreshed for Ana, in hers")
                .containsPattern("Open until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d CES?T\\.");
        assertThat(bens + anas).doesNotContain("\uE000");
    }

    @Test
    void peopleInNoticesAndTheInventoryAreTeamsMentionsNotIds() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        invoke(fromBen(activity("invoke_adaptive_card_action.json")), button(card, "Approve"), card.answeredId());
        await().until(this::revealOfferCard, java.util.Optional::isPresent);

        JsonNode told = connector.posted().stream().filter(c -> ANAS_CHAT.equals(c.conversationId()))
                .map(c -> c.body().at("/attachments/0/content")).filter(c -> c.toString().contains("was approved by"))
                .findFirst().orElseThrow(() -> new AssertionError("Ana was not told who approved"));
        assertThat(told.toString()).as("the notice names the approver as a mention").contains("approved by <at>Ben Okafor</at>")
                .doesNotContain("teams:" + BEN_AAD_ID);
        assertThat(told.at("/msteams/entities/0/mentioned/id").asText()).isEqualTo(BEN_AAD_ID);

        var repo = new dev.ecabot.inventory.InventoryAppRepository(db.dataSource());
        repo.save(new dev.ecabot.inventory.InventoryApp(null, "demo", "Vonage_Prod", "Vonage Prod", null,
                "vonage-ai-studio", "Vonage", "teams:" + ANA_AAD_ID, "teams:" + BEN_AAD_ID, "ops@example.com",
                "3MVG9Vonage", java.time.Instant.parse("2026-03-01T09:00:00Z"), "{}", dev.ecabot.inventory.AppStatus.ACTIVE));
        say("inventory demo");
        assertThat(connector.posted().stream().map(c -> c.body().toString()))
                .as("the inventory names who asked and approved").anySatisfy(body -> assertThat(body).contains("Vonage_Prod",
                        "asked by <at>Ana Lopez</at>", "approved by <at>Ben Okafor</at>", "\"type\":\"mention\""));
    }

    @Test
    void denyAsksTheApproverForAReasonAndTheCardSaysWhoDeniedAndWhy() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        benSubmits((ObjectNode) button(card, "Deny").path("data"), card.answeredId());
        FakeBotConnector.Call reasonForm = connector.posted().get(connector.posted().size() - 1);
        assertThat(reasonForm.conversationId()).isEqualTo(BENS_CHAT);
        String formId = reasonForm.body().at("/attachments/0/content/actions/0/data/formId").asText();
        assertThat(formId).startsWith("deny-reason:");

        benSubmits(form(formId, "reason", "Use the shared Altify app instead"), reasonForm.answeredId());
        assertThat(connector.updates()).filteredOn(u -> u.path().endsWith(BENS_CHAT + "/activities/" + card.answeredId()))
                .singleElement().satisfies(u -> assertThat(u.body().toString())
                        .contains("Denied by <at>Ben Okafor</at> on ").contains("Use the shared Altify app instead")
                        .doesNotContain("Action.Submit"));
        assertThat(connector.posted()).filteredOn(c -> ANAS_CHAT.equals(c.conversationId()))
                .anySatisfy(c -> assertThat(c.body().toString()).contains("Use the shared Altify app instead",
                        "denied by <at>Ben Okafor</at>"));
    }

    @Test
    void aLongInventoryComesAPageAtATimeAndTheMoreButtonShowsTheNextWithinTheConnectorsLimit() {
        var repo = new dev.ecabot.inventory.InventoryAppRepository(db.dataSource());
        for (int i = 0; i < 40; i++) {
            String name = String.format("App_%02d", i);
            repo.save(new dev.ecabot.inventory.InventoryApp(null, "demo", name, "A rather long label for " + name, null,
                    "vonage-ai-studio", "Vonage", "teams:someone", null, "ops@example.com", "3MVG9" + name,
                    java.time.Instant.parse("2026-03-01T09:00:00Z"), "{}", dev.ecabot.inventory.AppStatus.ACTIVE));
        }

        say("inventory demo");
        List<FakeBotConnector.Call> firstPage = connector.posted();
        assertThat(firstPage.get(firstPage.size() - 2).body().toString()).contains("40 apps in demo, 1-15 shown", "App_14")
                .doesNotContain("App_15");
        JsonNode more = lastCard().path("actions").path(0);
        assertThat(more.path("title").asText()).isEqualTo("More");
        assertThat(lastCard().toString()).contains("25 more");

        submit((ObjectNode) more.path("data"));
        List<FakeBotConnector.Call> secondPage = connector.posted();
        assertThat(secondPage.stream().skip(firstPage.size()).map(c -> c.body().toString()))
                .anySatisfy(body -> assertThat(body).contains("16-30 shown", "App_15", "App_29").doesNotContain("App_30"));
        assertThat(connector.oversized()).as("activities over Teams' 28 KB").isEmpty();
    }

    @Test
    void anAnsweredQuestionCardLosesItsButtons() {
        say("new altify-mcp demo");
        String questionCard = connector.posted().get(connector.posted().size() - 1).answeredId();
        ObjectNode answer = activity("message_card_submit.json");
        // what Teams sends: the Submit button's data with the typed value
        answer.set("value", ((ObjectNode) lastCard().at("/actions/0/data").deepCopy()).put("field:app_name", "Altify MCP"));
        answer.put("replyToId", questionCard);
        post(answer);

        assertThat(connector.updates()).anySatisfy(update -> {
            assertThat(update.path()).endsWith("/activities/" + questionCard);
            // in the card's words: the question's label, not the field's id
            assertThat(update.body().toString()).contains("Ana Lopez answered:", "\"value\":\"Altify MCP\"")
                    .doesNotContain("\"title\":\"app_name\"").doesNotContain("Action.Submit");
        });
    }

    @Test
    void aRequestStartedInAChannelGetsItsCredentialsOfferedInAPersonalChat() {
        walkThePlaybookInTheChannel();

        FakeBotConnector.Call offer = await().until(this::revealOfferCard, java.util.Optional::isPresent).get();
        FakeBotConnector.Call opened = connector.conversationsCreated().get(0);
        assertThat(offer.conversationId()).isEqualTo(opened.answeredId());
        await().untilAsserted(() -> assertThat(connector.posted())
                .filteredOn(note -> note.body().path("text").asText().contains("I sent you the credentials in our private chat"))
                .singleElement().satisfies(note -> assertThat(note.conversationId()).startsWith("19:")));
    }

    @Test
    void whenTeamsWillNotOpenAPersonalChatTheOfferStaysInTheChannelForTheRequesterOnly() {
        connector.refuseNewConversations();
        walkThePlaybookInTheChannel();

        FakeBotConnector.Call offer = await().until(this::revealOfferCard, java.util.Optional::isPresent).get();
        assertThat(offer.conversationId()).startsWith("19:");
        assertThat(connector.posted()).anySatisfy(note ->
                assertThat(note.body().path("text").asText()).contains("This offer opens only for Ana Lopez"));
        HttpResponse<String> someoneElse = openRevealDialog(offer.body().at("/attachments/0/content/actions/0/data"),
                offer.answeredId(), OTHER_AAD_ID);
        assertThat(someoneElse.body()).doesNotContain("consumer-secret-value");
    }

    void walkThePlaybookInTheChannel() {
        ObjectNode mention = activity("message_channel_mention.json");
        mention.put("text", "<at>ECA bot</at> new altify-mcp demo");
        post(mention);
        for (ObjectNode answer : List.of(form("app_name", "app_name", "Altify MCP"), form("api_name", "api_name", "Altify_MCP"),
                form("contact_email", "contact_email", "ana@example.com"), form("description", "description", "x"),
                (ObjectNode) AdaptiveCards.choiceData("confirm", "confirm"))) {
            ObjectNode submit = activity("message_channel_mention.json");
            submit.remove("text");
            submit.set("value", answer);
            post(submit);
        }
    }

    @Test
    void aRefusedFormAnswerIsShownBesideTheField() {
        say("new altify-mcp demo");
        int posted = connector.posted().size();
        submit(altifyForm("Altify MCP", "Altify__MCP_", "ana at example"));

        // The submitted card itself is updated: every value as typed, each reason right under its field.
        JsonNode card = lastUpdatedCard();
        assertThat(connector.posted()).as("no new card: the same one is fixed").hasSize(posted);
        assertThat(inputIds(card)).containsExactly("field:app_name", "field:api_name", "field:contact_email",
                "field:description");
        List<String> refusedFields = new java.util.ArrayList<>();
        JsonNode body = card.path("body");
        for (int i = 1; i < body.size(); i++) {
            if ("Attention".equals(body.get(i).path("color").asText())) {
                int field = i - 1;
                while (!body.get(field).path("type").asText().startsWith("Input.")) field--;
                refusedFields.add(body.get(field).path("id").asText());
            }
        }
        assertThat(refusedFields).containsExactly("field:api_name", "field:contact_email");
        assertThat(card.path("body").findParents("id")).extracting(f -> f.path("value").asText())
                .as("what was typed is still in the fields, the valid ones too")
                .containsExactly("Altify MCP", "Altify__MCP_", "ana at example", "ChatGPT to Altify MCP servers");

        submit(altifyForm("Altify MCP", "Altify_MCP", "ana@example.com"));
        assertThat(lastCard().path("body").toString()).contains("Altify_MCP").contains("ana@example.com");
        assertThat(lastUpdatedCard().toString()).as("the accepted card says what was answered")
                .contains("answered").contains("ana@example.com");
    }

    @Test
    void theCustomPlaybookIsOneCardThenAFollowUpCardForTheQuestionsItsAnswersOpen() {
        say("new custom demo");
        assertThat(inputIds(lastCard())).hasSize(14);
        ObjectNode first = form("q:app_name", "app_name", "Partner Portal").put("field:api_name", "")
                .put("field:contact_email", "ana@example.com").put("field:description", "")
                .put("field:callback_urls", "https://portal.example.com/callback").put("field:logo_url", "")
                .put("field:single_logout_url", "").put("field:scopes", "Api,RefreshToken")
                .put("field:flows", "authorization-code").put("field:require_secret", "yes")
                .put("field:refresh_token_policy", "lifetime").put("field:ip_relaxation", "Enforce")
                .put("field:session_level", "STANDARD").put("field:permitted_users", "AllSelfAuthorized");
        submit(first);

        JsonNode followUp = lastCard();
        assertThat(inputIds(followUp)).containsExactly("field:refresh_token_validity", "field:refresh_token_unit",
                "field:refresh_token_rotation");
        assertThat(followUp.path("body").get(0).path("text").asText()).contains("3 more questions from your answers");
        submit(form("q:refresh_token_validity", "refresh_token_validity", "30").put("field:refresh_token_unit", "Days")
                .put("field:refresh_token_rotation", "no"));
        assertThat(lastCard().path("body").toString()).contains("Partner_Portal").contains("30 days");
    }

    @Test
    void addedToAPersonalChatAGroupChatOrATeamTheBotWelcomesWithButtonsThatWork() {
        for (String[] place : new String[][] {{"personal", ANAS_CHAT}, {"groupChat", "19:groupchat-ana-ben@thread.v2"},
                {"channel", "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2"}}) {
            ObjectNode added = activity("conversation_update_personal.json");
            added.put("id", "f:added-" + place[0]);
            ((ObjectNode) added.path("conversation")).put("conversationType", place[0]).put("id", place[1])
                    .put("isGroup", !place[0].equals("personal"));
            post(added);

            FakeBotConnector.Call welcome = connector.posted().get(connector.posted().size() - 1);
            assertThat(welcome.conversationId()).as(place[0]).isEqualTo(place[1]);
            JsonNode card = welcome.body().at("/attachments/0/content");
            assertThat(card.toString()).contains("Hello! I set up Salesforce External Client Apps");
            assertThat(card.path("actions")).extracting(a -> a.path("title").asText())
                    .containsExactly("Set up an app", "Integrations I know", "Help");
        }
        int welcomes = connector.posted().size();

        // someone else joining a chat the bot is in is not the bot's arrival
        ObjectNode joined = activity("conversation_update_personal.json");
        ((ObjectNode) joined.path("conversation")).put("conversationType", "groupChat").put("id", "19:groupchat-ana-ben@thread.v2");
        ((com.fasterxml.jackson.databind.node.ArrayNode) joined.path("membersAdded")).remove(0);
        joined.put("id", "f:joined");
        post(joined);
        assertThat(connector.posted()).hasSize(welcomes);

        // a button runs its command as if typed
        JsonNode help = connector.posted().get(0).body().at("/attachments/0/content/actions/2/data");
        ObjectNode press = activity("message_card_submit.json");
        press.set("value", help);
        press.put("id", "f:welcome-help");
        post(press);
        assertThat(lastCard().toString()).contains("\"title\":\"new");
    }

    @Test
    void teamsShowsTypingWhileTheBotWorksOnAMessage() {
        say("playbooks");

        assertThat(connector.typing()).singleElement().satisfies(t -> assertThat(t.conversationId()).isEqualTo(ANAS_CHAT));
        FakeBotConnector.Call reply = connector.posted().get(connector.posted().size() - 1);
        assertThat(connector.calls().indexOf(connector.typing().get(0))).as("typing shows before the answer")
                .isLessThan(connector.calls().indexOf(reply));
    }

    @Test
    void anApprovalCardForAChannelTheBotWasNeverSpokenInStartsItsOwnThreadAndIsEditedThere() {
        post(fromBen(activity("message_personal.json"))); // Ben (an approver) has the bot installed
        ApprovalCardShapes cards = new ApprovalCardShapes();
        String approvers = "19:approvers0000000000000000000000@thread.tacv2";
        port.post(ChatAddress.directTo(new ChatUser("teams", BEN_AAD_ID, "Ben Okafor", null)), cards.pending);
        dev.ecabot.conversation.MessageRef inChannel = port.post(ChatAddress.channel("teams", approvers), cards.pending);

        FakeBotConnector.Call created = connector.conversationsCreated().get(connector.conversationsCreated().size() - 1);
        assertThat(created.body().path("isGroup").asBoolean()).isTrue();
        assertThat(created.body().at("/channelData/channel/id").asText()).isEqualTo(approvers);
        assertThat(created.body().at("/channelData/tenant/id").asText()).isEqualTo("5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");
        JsonNode card = created.body().at("/activity/attachments/0/content");
        assertThat(card.toString()).contains("Waiting for approval");
        assertThat(card.at("/refresh/userIds")).extracting(JsonNode::asText)
                .as("the approvers the card went to see Approve and Deny in the channel too")
                .containsExactly("29:1BenOkafor-test-user-id-0002");
        assertThat(inChannel.address().place().channelId()).isEqualTo(created.answeredId()).startsWith(approvers + ";messageid=");

        port.edit(inChannel, cards.approved);
        assertThat(connector.updates()).last().satisfies(u -> {
            assertThat(u.path()).isEqualTo("/v3/conversations/" + created.answeredId() + "/activities/" + inChannel.id());
            assertThat(u.body().toString()).contains("Approved by Ben Okafor");
        });
    }

    @Test
    void theFakeConnectorRefusesANewConversationTeamsWouldRefuse() throws Exception {
        // the checks ChannelThreads and PersonalChats rely on: no tenant, no channel, a thread without its first message
        for (String body : List.of("{\"isGroup\":true,\"bot\":{\"id\":\"28:x\"},\"channelData\":{\"channel\":{\"id\":\"19:c@thread.tacv2\"}}}",
                "{\"isGroup\":true,\"bot\":{\"id\":\"28:x\"},\"tenantId\":\"t\"}",
                "{\"isGroup\":true,\"bot\":{\"id\":\"28:x\"},\"tenantId\":\"t\",\"channelData\":{\"channel\":{\"id\":\"19:c@thread.tacv2\"}}}",
                "{\"isGroup\":false,\"bot\":{\"id\":\"28:x\"},\"tenantId\":\"t\",\"members\":[]}")) {
            HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(connector.serviceUrl() + "v3/conversations"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).contains("BadArgument");
        }
    }

    /** An approval card pending and approved, as the engine sends them (request r-channel). */
    static final class ApprovalCardShapes {
        final dev.ecabot.conversation.message.ApprovalCard pending = new dev.ecabot.conversation.message.ApprovalCard(
                "r-channel", "Approval needed (1 approval): create Altify_MCP in org staging", "staging", "altify-mcp",
                List.of(), "teams:" + ANA_AAD_ID, "pilot", Instant.parse("2030-01-01T00:00:00Z"), "0123456789abcdef",
                dev.ecabot.conversation.message.ApprovalCard.Status.PENDING, null, null, null);
        final dev.ecabot.conversation.message.ApprovalCard approved = pending.decided(
                dev.ecabot.conversation.message.ApprovalCard.Status.APPROVED, "Ben Okafor", Instant.parse("2029-01-01T00:00:00Z"), null);
    }

    @Test
    void aChannelMentionReachesTheEngineWithoutTheMentionAndIsAnsweredInTheThread() {
        ObjectNode mention = activity("message_channel_mention.json");
        mention.put("text", "<at>ECA bot</at> help\n");
        post(mention);

        FakeBotConnector.Call reply = connector.posted().get(0);
        assertThat(reply.conversationId()).isEqualTo("19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2;messageid=1763631012003");
        assertThat(reply.body().toString()).contains("reveal [offer]");
    }

    @Test
    void aBystandersClickInAChannelIsRefusedToThemOnlyAndTheRequestersCardStays() {
        ObjectNode mention = activity("message_channel_mention.json");
        mention.put("text", "<at>ECA bot</at> new altify-mcp demo\n");
        post(mention);
        FakeBotConnector.Call question = connector.posted().stream()
                .filter(c -> c.body().toString().contains("field:app_name")).findFirst().orElseThrow();

        ObjectNode bens = activity("message_channel_mention.json");
        ((ObjectNode) bens.path("from")).put("id", "29:1BenOkafor-test-user-id-0002").put("name", "Ben Okafor")
                .put("aadObjectId", BEN_AAD_ID);
        bens.remove("text");
        bens.set("value", form("app_name", "app_name", "Ben's name for it"));
        bens.put("replyToId", question.answeredId());
        bens.put("id", "ben-click-1");
        post(bens);

        assertThat(connector.updates()).as("the requester's card is untouched")
                .noneSatisfy(u -> assertThat(u.path()).endsWith("/activities/" + question.answeredId()));
        assertThat(connector.posted()).filteredOn(c -> c.body().toString().contains("only they can answer it"))
                .singleElement().satisfies(c -> assertThat(c.conversationId()).doesNotContain("@thread"));
    }

    @Test
    void approveOrDenyPressedInAChannelBySomeoneWhoMayNotDecideIsToldOnlyToThemAndTheCardStays() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        int posts = connector.posted().size();
        ObjectNode approve = (ObjectNode) button(card, "Approve").path("data");
        ObjectNode deny = (ObjectNode) button(card, "Deny").path("data");
        posts = connector.posted().size();
        // An approver's buttons pressed in a channel (a card posted before Universal Actions, with Action.Submit), by
        // Ana (the requester) and another person (no approver).
        clickInAChannel("29:1AnaLopez-test-user-id-0001", "Ana Lopez", ANA_AAD_ID, approve, card);
        clickInAChannel("29:1Other-test-user-id-0003", "Oscar Other", OTHER_AAD_ID, approve, card);
        clickInAChannel("29:1Other-test-user-id-0003", "Oscar Other", OTHER_AAD_ID, deny, card);

        List<FakeBotConnector.Call> said = connector.posted().subList(posts, connector.posted().size());
        assertThat(said).as("public refusals").noneSatisfy(c -> assertThat(c.conversationId()).contains("@thread"));
        assertThat(said).filteredOn(c -> c.body().toString().contains("You cannot decide your own request")).hasSize(1);
        assertThat(said).filteredOn(c -> c.body().toString().contains("deny-reason:")).as("no reason form").isEmpty();
        assertThat(said).as("one private refusal per click").hasSize(3);
        assertThat(connector.updates()).as("the approval card is unchanged")
                .noneSatisfy(u -> assertThat(u.path()).endsWith("/activities/" + card.answeredId()));
    }

    @Test
    void aDoubleClickOnApproveDecidesOnceAndTheSecondClickIsToldSo() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        ObjectNode approve = (ObjectNode) button(card, "Approve").path("data");
        benSubmits(approve, card.answeredId());
        benSubmits(approve, card.answeredId());

        await().until(this::revealOfferCard, java.util.Optional::isPresent);
        await().until(() -> connector.posted().stream().anyMatch(c -> c.body().toString().contains("was already approved")));
        List<FakeBotConnector.Call> toBen = connector.posted().stream().filter(c -> BENS_CHAT.equals(c.conversationId())).toList();
        assertThat(toBen).filteredOn(c -> c.body().path("text").asText().startsWith("Approved:")).as("one decision").hasSize(1);
        assertThat(toBen).filteredOn(c -> c.body().toString().contains("was already approved")).as("second click told").hasSize(1);
        assertThat(connector.posted()).filteredOn(c -> c.body().at("/attachments/0/content/actions/0/data/ecabot").asText()
                .equals("reveal")).as("one app, one offer").hasSize(1);
    }

    @Test
    void aDoubleClickOnCreateMakesOneAppAndOneRevealOffer() {
        answerUpToConfirmation();
        ObjectNode create = (ObjectNode) lastCard().at("/actions/0/data");

        submit(create.deepCopy());
        submit(create.deepCopy());

        oneAppOneOffer();
    }

    @Test
    void twoConcurrentClicksOnCreateMakeOneAppAndOneRevealOffer() throws Exception {
        answerUpToConfirmation();
        ObjectNode create = (ObjectNode) lastCard().at("/actions/0/data");
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService clickers = Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(clickers.submit(() -> {
                    go.await();
                    ObjectNode activity = activity("message_card_submit.json");
                    activity.set("value", create.deepCopy());
                    activity.put("id", "f:" + System.nanoTime());
                    return endpoint.post(activity.toString(), login.channelToken(APP_ID, connector.serviceUrl()));
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<HttpResponse<String>> click : clicks) {
                assertThat(click.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isBetween(200, 202);
            }
        } finally {
            clickers.shutdownNow();
        }
        settle();

        oneAppOneOffer();
    }

    /** One progress card, one reveal offer, and the other click told it changed nothing. */
    void oneAppOneOffer() {
        await().until(this::revealOfferCard, java.util.Optional::isPresent);
        // The app may be made before the second click is taken in: then its conversation is over, and it says so.
        java.util.function.Predicate<FakeBotConnector.Call> toldSecond = c -> c.body().toString().contains("this one changed nothing")
                || c.body().toString().contains("belongs to a conversation that is over");
        await().until(() -> connector.posted().stream().anyMatch(toldSecond));
        settle();
        assertThat(connector.posted()).filteredOn(c -> c.body().at("/attachments/0/content/body/0/text").asText()
                .startsWith("Creating ")).as("one app being created").hasSize(1);
        assertThat(connector.posted()).filteredOn(c -> c.body().at("/attachments/0/content/actions/0/data/ecabot").asText()
                .equals("reveal")).as("one app, one offer").hasSize(1);
        assertThat(connector.posted()).filteredOn(toldSecond).as("the second click told").hasSize(1);
    }

    void clickInAChannel(String fromId, String name, String aadId, ObjectNode data, FakeBotConnector.Call card) {
        ObjectNode click = activity("message_channel_mention.json");
        ((ObjectNode) click.path("from")).put("id", fromId).put("name", name).put("aadObjectId", aadId);
        click.remove("text");
        click.set("value", data);
        click.put("replyToId", card.answeredId());
        click.put("id", "channel-click-" + System.nanoTime());
        post(click);
    }

    @Test
    void everyCommandTheTeamsAppSuggestsIsOneTheBotKnows() {
        say("help");
        String help = lastCard().toString();
        JsonNode lists = TeamsAppPackage.fromEnvironment(java.util.Map.of("MICROSOFT_APP_ID", APP_ID)).manifest()
                .at("/bots/0/commandLists");
        assertThat(lists.size()).isEqualTo(2);
        for (JsonNode list : lists) {
            for (JsonNode command : list.path("commands")) {
                assertThat(help).contains("\"title\":\"" + command.path("title").asText());
            }
        }
    }

    @Test
    void aSubmitFromACardTheBotDidNotMakeIsAnsweredWithAHint() {
        ObjectNode foreign = activity("message_card_submit.json");
        foreign.set("value", json("{\"key\":\"value\",\"x\":\"herocard\"}"));
        post(foreign);

        assertThat(connector.posted()).singleElement().satisfies(reply ->
                assertThat(reply.body().path("text").asText()).contains("my own cards only"));
    }

    @Test
    void someoneWhoseEntraIdIsNotInTheRolesCannotAskForAnApp() {
        ObjectNode stranger = activity("message_personal.json");
        stranger.put("text", "new altify-mcp demo");
        ((ObjectNode) stranger.path("from")).put("aadObjectId", "7c0b0000-0000-0000-0000-000000000000").put("name", "Sam");
        post(stranger);

        JsonNode reply = connector.posted().get(0).body();
        assertThat(reply.path("text").asText()).startsWith("Warning: You may not run `new`")
                .contains("teams:7c0b0000-0000-0000-0000-000000000000");
        assertThat(reply.path("attachments").isMissingNode() || reply.path("attachments").isEmpty()).isTrue();
        assertThat(connector.posted()).noneSatisfy(call -> assertThat(call.body().toString()).contains("question 2 of 5"));
    }

    @Test
    void aTypedRevealGetsTheOffersButtonAgainBecauseSecretsOpenOnlyInADialog() {
        say("reveal 3f2c9a");
        assertThat(connector.posted().get(connector.posted().size() - 1).body().path("text").asText())
                .as("the engine's one rule: no offer, no button").contains("There is no reveal offer 3f2c9a");

        answerUpToConfirmation();
        submit((ObjectNode) lastCard().at("/actions/0/data"));
        FakeBotConnector.Call offer = await().until(this::revealOfferCard, java.util.Optional::isPresent).get();
        String offerId = offer.body().at("/attachments/0/content/actions/0/data/offerId").asText();
        settle();

        say("reveal " + offerId);
        JsonNode action = lastCard().at("/actions/0");
        assertThat(action.at("/data/offerId").asText()).isEqualTo(offerId);
        assertThat(action.at("/data/msteams/type").asText()).isEqualTo("task/fetch");
        assertThat(connector.calls()).allSatisfy(call ->
                assertThat(String.valueOf(call.body())).doesNotContain("consumer-secret-value"));
    }

    @Test
    void aNoticeToSomeoneWhoOnlySpokeInAChannelOpensAPersonalChatFirst() {
        post(activity("message_channel_mention.json"));
        ChatUser ana = new ChatUser("teams", ANA_AAD_ID, "Ana Lopez", null);

        ChatAddress address = personalChats.addressOf(ana);
        port.post(address, TextMessage.info("Reminder: the Altify MCP app's refresh tokens expire in 7 days."));

        FakeBotConnector.Call created = connector.conversationsCreated().get(0);
        assertThat(created.authorization()).isEqualTo("Bearer " + TeamsEndpoint.OUTBOUND_TOKEN);
        assertThat(created.body().path("isGroup").asBoolean(true)).isFalse();
        assertThat(created.body().at("/members/0/id").asText()).isEqualTo("29:1qGf3kP0rT9vXyZ_ana-lopez-test-user-id-0001");
        assertThat(created.body().path("tenantId").asText()).isEqualTo("5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");
        assertThat(created.body().at("/channelData/tenant/id").asText()).isEqualTo("5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");
        FakeBotConnector.Call notice = connector.posted().get(connector.posted().size() - 1);
        assertThat(notice.conversationId()).isEqualTo(created.answeredId());
        assertThat(notice.body().path("text").asText()).startsWith("Reminder: the Altify MCP app");

        port.post(personalChats.addressOf(ana), TextMessage.info("Second reminder"));
        assertThat(connector.conversationsCreated()).as("the chat opened once is reused").hasSize(1);
    }

    @Test
    void aReminderToSomeoneWithAPersonalChatGoesThere() {
        say("hello");
        ChatUser ana = new ChatUser("teams", ANA_AAD_ID, "Ana Lopez", null);

        port.post(personalChats.addressOf(ana), TextMessage.info("Reminder: rotate the consumer secret."));

        assertThat(connector.conversationsCreated()).isEmpty();
        FakeBotConnector.Call notice = connector.posted().get(connector.posted().size() - 1);
        assertThat(notice.conversationId()).isEqualTo("a:1TestPersonalChatWithAnaLopez0001");
    }

    @Test
    void noOneCanBeWrittenToFirstBeforeTheyMetTheBot() {
        ChatUser stranger = new ChatUser("teams", "7c0b0000-0000-0000-0000-000000000000", "Sam", null);
        assertThatThrownBy(() -> personalChats.addressOf(stranger)).hasMessageContaining("never talked to the bot in Teams");
    }

    java.util.Optional<FakeBotConnector.Call> revealOfferCard() {
        return connector.posted().stream()
                .filter(c -> c.body().at("/attachments/0/content/actions/0/data/ecabot").asText().equals("reveal"))
                .findFirst();
    }

    static List<String> inputIds(JsonNode card) {
        List<String> ids = new java.util.ArrayList<>();
        card.path("body").forEach(e -> { if (e.path("type").asText().startsWith("Input.")) ids.add(e.path("id").asText()); });
        return ids;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
