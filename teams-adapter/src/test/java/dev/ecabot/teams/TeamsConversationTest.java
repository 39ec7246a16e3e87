package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.ConversationEngine;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.dialogue.ProvisionedApp;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
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
            port = new TeamsChatPort(adapter, directory, cards);
            // Ana and another person ask; Ana and Ben approve (never their own). Demo needs no approval, staging one.
            AccessPolicy access = new AccessPolicy(RolesConfig.fromJson(json("{\"requesters\": [\"teams:" + ANA_AAD_ID
                    + "\", \"teams:" + OTHER_AAD_ID + "\"], \"approvers\": [\"teams:" + ANA_AAD_ID + "\", \"teams:" + BEN_AAD_ID + "\"]}")));
            personalChats = port.personalChats();
            ConversationEngine engine = ConversationEngine.builder().port(enginePort(port)).dataSource(db.dataSource())
                    .playbooks(PLAYBOOKS).orgs(() -> List.of("demo", "staging"))
                    .provisioner((order, progress, secrets) -> new ProvisionedApp(order.spec().apiName(),
                            "3MVG9FAKECONSUMERKEY", secrets.seal(order.requestId(), order.spec().apiName(), "3MVG9FAKECONSUMERKEY",
                                    Secret.of("consumer-secret-value"))))
                    .access(access)
                    .revealOffers(new RevealOffers(db.dataSource(), MasterKey.generate(), new AuditTrail(db.dataSource())))
                    .approvals(new Approvals(db.dataSource(), ApprovalPolicyConfig.zeroConfig(), access,
                            new AuditTrail(db.dataSource()), Clock.systemUTC()))
                    .settings(EngineSettings.builder().background(background).build())
                    .build();
            return new TeamsBot(engine, port, directory, cards, Clock.systemUTC());
        });
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

    /** Answers the playbook's questions up to the confirmation card. */
    void answerUpToConfirmation() {
        say("new altify-mcp demo");
        assertThat(inputIds(lastCard())).containsExactly("field:app_name");
        submit(form("app_name", "app_name", "Altify MCP"));
        assertThat(lastCard().at("/body/1/value").asText()).as("the API name is pre-filled").isEqualTo("Altify_MCP");
        submit(form("api_name", "api_name", "Altify_MCP"));
        submit(form("contact_email", "contact_email", "ana@example.com"));
        submit(form("description", "description", "ChatGPT to Altify MCP servers"));
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
        assertThat(confirmation.at("/actions/0/data")).isEqualTo(json("{\"ecabot\":\"choice\",\"promptId\":\"confirm\",\"value\":\"confirm\"}"));

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
                .filter(c -> c.body().toString().contains("\"promptId\":\"approval\"")).toList();
        assertThat(cards).as("one card, in Ben's chat: never to the requester").singleElement()
                .satisfies(card -> assertThat(card.conversationId()).isEqualTo(BENS_CHAT));
        return cards.get(0);
    }

    static JsonNode button(FakeBotConnector.Call card, String title) {
        for (JsonNode action : card.body().at("/attachments/0/content/actions")) {
            if (title.equals(action.path("title").asText())) return action;
        }
        throw new AssertionError("no " + title + " button on " + card.body());
    }

    @Test
    void aRequestInAnOrgThatNeedsApprovalWaitsForTheApproverThenTheRequesterRevealsOnce() {
        FakeBotConnector.Call card = askForAnAppInStaging();
        String shown = card.body().at("/attachments/0/content").toString();
        assertThat(shown).contains("staging", "altify-mcp", "teams:" + ANA_AAD_ID, "Needed for the support team pilot",
                "Altify_MCP", "ana@example.com", "Open until");
        assertThat(button(card, "Approve").path("style").asText()).isEqualTo("positive");
        assertThat(button(card, "Deny").path("style").asText()).isEqualTo("destructive");
        assertThat(connector.posted()).filteredOn(c -> ANAS_CHAT.equals(c.conversationId()))
                .anySatisfy(c -> assertThat(c.body().path("text").asText()).contains("is waiting for approval"));

        // Ana (an approver too) pressing Approve on her own request is refused; the card keeps its buttons.
        submit((ObjectNode) button(card, "Approve").path("data"));
        assertThat(connector.posted().get(connector.posted().size() - 1).body().path("text").asText())
                .contains("You cannot decide your own request");
        assertThat(connector.updates()).noneSatisfy(u -> assertThat(u.path()).endsWith("/activities/" + card.answeredId()));

        // Ben approves: his card is updated in place with who approved and when, and no buttons.
        benSubmits((ObjectNode) button(card, "Approve").path("data"), card.answeredId());
        assertThat(connector.updates()).filteredOn(u -> u.path().endsWith(BENS_CHAT + "/activities/" + card.answeredId()))
                .singleElement().satisfies(u -> assertThat(u.body().toString())
                        .contains("Approved by Ben Okafor on ").contains("Altify_MCP").doesNotContain("Action.Submit"));

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
                        .contains("Denied by Ben Okafor on ").contains("Use the shared Altify app instead")
                        .doesNotContain("Action.Submit"));
        assertThat(connector.posted()).filteredOn(c -> ANAS_CHAT.equals(c.conversationId()))
                .anySatisfy(c -> assertThat(c.body().path("text").asText()).contains("Use the shared Altify app instead"));
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
        answer.set("value", form("app_name", "app_name", "Altify MCP"));
        answer.put("replyToId", questionCard);
        post(answer);

        assertThat(connector.updates()).anySatisfy(update -> {
            assertThat(update.path()).endsWith("/activities/" + questionCard);
            assertThat(update.body().toString()).contains("Ana Lopez sent the form.").doesNotContain("Action.Submit");
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
        submit(form("app_name", "app_name", "Altify MCP"));
        submit(form("api_name", "api_name", "Altify__MCP_"));

        JsonNode card = lastCard();
        assertThat(inputIds(card)).containsExactly("field:api_name");
        assertThat(card.path("body").findParents("color")).anySatisfy(block ->
                assertThat(block.path("color").asText()).isEqualTo("Attention"));
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
        // The card forwarded into a channel: Ana (the requester) and another person (no approver) press its buttons.
        clickInAChannel("29:1AnaLopez-test-user-id-0001", "Ana Lopez", ANA_AAD_ID, (ObjectNode) button(card, "Approve").path("data"), card);
        clickInAChannel("29:1Other-test-user-id-0003", "Oscar Other", OTHER_AAD_ID, (ObjectNode) button(card, "Approve").path("data"), card);
        clickInAChannel("29:1Other-test-user-id-0003", "Oscar Other", OTHER_AAD_ID, (ObjectNode) button(card, "Deny").path("data"), card);

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
        benSubmits((ObjectNode) button(card, "Approve").path("data"), card.answeredId());
        benSubmits((ObjectNode) button(card, "Approve").path("data"), card.answeredId());

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
        for (String command : List.of("help", "new", "status", "cancel", "playbooks", "orgs")) {
            assertThat(help).contains("\"title\":\"" + command);
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
    void aTypedRevealGetsAButtonBecauseSecretsOpenOnlyInADialog() {
        say("reveal 3f2c9a");
        JsonNode action = lastCard().at("/actions/0");
        assertThat(action.at("/data/offerId").asText()).isEqualTo("3f2c9a");
        assertThat(action.at("/data/msteams/type").asText()).isEqualTo("task/fetch");
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
    void aDueReminderReachesTheRequesterInTheirPersonalChatAndSaysWhenItIsLate() {
        post(activity("message_channel_mention.json"));
        Reminder reminder = Reminder.of(ReminderKind.REFRESH_TOKEN_EXPIRING,
                Recipient.requester(new ChatUserRef("teams", ANA_AAD_ID)), "demo", "Altify_MCP",
                Instant.parse("2026-11-20T09:00:00Z"), "Refresh tokens of Altify_MCP in demo expire in 7 days.");

        new TeamsReminderDelivery(port).deliver(reminder, true);

        FakeBotConnector.Call created = connector.conversationsCreated().get(0);
        FakeBotConnector.Call notice = connector.posted().get(connector.posted().size() - 1);
        assertThat(notice.conversationId()).isEqualTo(created.answeredId());
        assertThat(notice.body().path("text").asText())
                .startsWith("Refresh tokens of Altify_MCP in demo expire in 7 days.")
                .contains("comes late because the bot was not running");
    }

    @Test
    void aReminderForAChannelIsPostedInThatChannel() {
        post(activity("message_channel_mention.json"));
        String channel = "19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2;messageid=1763631012003";
        Reminder reminder = Reminder.of(ReminderKind.APP_USABLE, Recipient.channel("teams", channel), "demo", "Altify_MCP",
                Instant.now(), "Altify_MCP in demo is usable now.");

        new TeamsReminderDelivery(port).deliver(reminder, false);

        FakeBotConnector.Call notice = connector.posted().get(connector.posted().size() - 1);
        assertThat(notice.conversationId()).isEqualTo(channel);
        assertThat(notice.body().path("text").asText()).isEqualTo("Altify_MCP in demo is usable now.");
    }

    @Test
    void aReminderForSomeoneOnAnotherPlatformIsNotTeamsBusiness() {
        Reminder reminder = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(new ChatUserRef("slack", "U024BE7LH")),
                "demo", "Altify_MCP", Instant.now(), "usable");
        assertThatThrownBy(() -> new TeamsReminderDelivery(port).deliver(reminder, false)).hasMessageContaining("not a Teams recipient");
        assertThat(connector.calls()).isEmpty();
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
