package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.engine.ConversationEngine;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.provisioning.ProvisionedCredentials;
import dev.ecabot.provisioning.ProvisioningEvent;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
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
    static final String BOB = "U0BOB0001";
    static final String APPROVERS_CHANNEL = "C0APPROVALS";
    static final String CONSUMER_SECRET = "A1B2C3D4E5F6071829304152637485960718293041526374859607182930415";

    FakeSlackWebApi slackApi;
    Database db;
    SlackEndpoint endpoint;
    JettyTestServer server;
    SignedRequests slack;
    SlackUserSimulator alice;
    SlackUserSimulator bob;
    final CountDownLatch salesforceAnswers = new CountDownLatch(1);
    /**
     * Engine turns not yet over (their transaction not yet committed). Here the engine posts straight to Slack from
     * inside its turn, so a card can be on screen before the state behind it is committed; a person clicking it in
     * that moment would find a conversation that is not there yet. Through the outbox (as {@code ecabot serve} runs,
     * and {@link SlackConversationThroughOutboxTest}) a card is sent only after its turn committed, so nobody can.
     * The tests therefore act on a card only once the turn that sent it is over ({@link #awaitTurnsOver()}).
     */
    final java.util.concurrent.atomic.AtomicInteger turnsInProgress = new java.util.concurrent.atomic.AtomicInteger();
    /** How many times Salesforce was asked to create an app. */
    final java.util.concurrent.atomic.AtomicInteger appsCreated = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        slackApi = new FakeSlackWebApi();
        db = Database.inMemory("slack-conv-" + UUID.randomUUID());
        SlackSettings settings = SlackSettings.builder().botToken(Secret.of("xoxb-3333-4444-convtoken"))
                .signingSecret(Secret.of(SECRET)).apiUrl(slackApi.apiUrl()).build();
        endpoint = new SlackEndpoint(settings, db.dataSource(), Clock.systemUTC());
        // Everyone on Slack may ask; Alice and Bob approve (never their own requests). The demo org needs no approval, staging one, cards also go to a channel.
        AccessPolicy access = new AccessPolicy(new RolesConfig(List.of(Grantee.parse("slack:*")),
                List.of(Grantee.parse("slack:U0ALICE01"), Grantee.parse("slack:" + BOB)), List.of()));
        ApprovalPolicyConfig stagingNeedsOneApproval = new ApprovalPolicyConfig(1, ApprovalPolicyConfig.DEFAULT_EXPIRY,
                Map.of("demo", new ApprovalPolicyConfig.OrgRule(0, List.of())), Map.of(), "slack:" + APPROVERS_CHANNEL);
        ConversationEngine engine = ConversationEngine.builder()
                .port(enginePort(endpoint.chatPort()))
                .dataSource(db.dataSource())
                .playbooks(PlaybookCatalog.load())
                .orgs(() -> List.of("demo", "staging"))
                .provisioner(slowSalesforce())
                .access(access)
                .revealOffers(new RevealOffers(db.dataSource(), MasterKey.generate(), new AuditTrail(db.dataSource())))
                .approvals(new Approvals(db.dataSource(), stagingNeedsOneApproval, access, new AuditTrail(db.dataSource()),
                        Clock.systemUTC()))
                .build();
        endpoint.listenAnswering(new dev.ecabot.conversation.ChatTurns() {
            @Override
            public dev.ecabot.conversation.TurnAnswer answer(dev.ecabot.conversation.ChatEvent event,
                                                             java.util.Set<dev.ecabot.conversation.TurnAnswer.InTurn> inTurn) {
                turnsInProgress.incrementAndGet();
                try {
                    return engine.answer(event, inTurn);
                } finally {
                    turnsInProgress.decrementAndGet();
                }
            }

            @Override
            public Optional<dev.ecabot.conversation.message.HomeView> home(dev.ecabot.conversation.ChatUser user) {
                return engine.home(user);
            }
        });
        server = new JettyTestServer(SlackEndpoint.PATH, endpoint.servlet());
        slack = new SignedRequests(server.uri(SlackEndpoint.PATH), SECRET);
        alice = new SlackUserSimulator("U0ALICE01", slack, slackApi);
        bob = new SlackUserSimulator(BOB, slack, slackApi);
    }

    /** The port the engine talks through: Slack's own here; the outbox in front of it in a subclass. */
    ChatPort enginePort(ChatPort slackPort) {
        return slackPort;
    }

    @AfterEach
    void stop() throws Exception {
        salesforceAnswers.countDown();
        stopOutbox();
        server.close();
        endpoint.close();
        db.close();
        slackApi.close();
        // Every Block Kit payload a conversation sent is within Slack's documented limits (SlackBlockLimits).
        assertThat(slackApi.refusedOverLimit()).as("payloads Slack would refuse").isEmpty();
    }

    void stopOutbox() {
    }

    /** Salesforce that answers only when the test lets it: deploys, then hands back the app's credentials. */
    AppProvisioner slowSalesforce() {
        return (order, delivery, reminders, progress) -> {
            appsCreated.incrementAndGet();
            progress.on(new ProvisioningEvent(order.runId(), ProvisioningEvent.Stage.DEPLOYING, "Deploying"));
            try {
                if (!salesforceAnswers.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("test never let Salesforce answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            progress.on(new ProvisioningEvent(order.runId(), ProvisioningEvent.Stage.DEPLOYED, "Deployed"));
            progress.on(new ProvisioningEvent(order.runId(), ProvisioningEvent.Stage.READING_CREDENTIALS, "Reading"));
            String key = "3MVG9CONSUMERKEY0000000001";
            // As the real provisioning saga does: the app enters the inventory with who asked and who approved.
            new dev.ecabot.inventory.InventoryAppRepository(db.dataSource()).save(new dev.ecabot.inventory.InventoryApp(
                    null, order.org(), order.spec().apiName(), order.spec().apiName(), null, order.playbookId(),
                    order.vendor(), order.requester().toString(),
                    dev.ecabot.access.ChatUserRef.written(order.approvers()), null, key, java.time.Instant.now(),
                    dev.ecabot.inventory.SettingsJson.write(order.spec()), dev.ecabot.inventory.AppStatus.ACTIVE));
            delivery.deliver(new ProvisionedCredentials(order.runId(), order.org(), order.spec().apiName(), order.requester(),
                    key, java.util.Optional.of(Secret.of(CONSUMER_SECRET))));
            return ProvisioningResult.made(order, key, java.time.Instant.now());
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

        FakeSlackWebApi.Call orgQuestion = awaitMessageWithBlock("choice:q:org");
        assertThat(orgQuestion.param("channel")).isEqualTo(alice.dmChannel);
        assertThat(orgQuestion.param("text")).contains("Which Salesforce org");
        assertThat(alice.clicks(orgQuestion, "choice:q:org", "choice-0").statusCode()).isEqualTo(200);
        // The question shows who chose what, and its buttons are gone.
        await().atMost(Duration.ofSeconds(30)).until(() -> updateOf(orgQuestion).isPresent());
        assertThat(shown(updateOf(orgQuestion).get())).contains("<@U0ALICE01> chose *demo*").doesNotContain("\"actions\"");

        fillForm("app_name", "Altify MCP");
        // A bad API name is refused inside the modal, beside the field, and nothing moves on.
        FakeSlackWebApi.Call apiNameForm = openForm("q:api_name");
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
        assertThat(slackApi.calls("views.update").get(0).param("view")).contains("Only the person who asked")
                .doesNotContain(CONSUMER_SECRET);

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
    void aRequestInAnOrgThatNeedsApprovalWaitsForTheApproverThenTheRequesterRevealsOnce() {
        Cards cards = askForAnAppInStaging();
        assertThat(cards.channel().param("channel")).isEqualTo(APPROVERS_CHANNEL);
        assertThat(cards.bobsDm().param("channel")).isEqualTo(bob.dmChannel);
        assertThat(slackApi.calls("conversations.open")).anySatisfy(c -> assertThat(c.param("users")).isEqualTo(BOB));
        assertThat(shown(cards.channel())).contains("Altify_MCP").contains("alice@example.com").contains("staging")
                .contains("altify-mcp").contains("<@U0ALICE01>").contains("Needed for the support team pilot")
                .contains("open until").contains("\"text\":\"Approve\"").contains("\"style\":\"primary\"")
                .contains("\"text\":\"Deny\"").contains("\"style\":\"danger\"");
        assertThat(slackApi.calls("chat.postMessage")).filteredOn(c -> c.param("channel").equals(alice.dmChannel))
                .noneMatch(c -> c.param("blocks") != null && c.param("blocks").contains("choice:approval"));

        // The requester (an approver too) pressing Approve on the channel's card is refused to her only (ephemeral);
        // nothing is posted anywhere and the card keeps its buttons.
        int posts = delivered().size();
        alice.clicksValue(cards.channel(), "choice:approval", approveValueOf(cards.channel()));
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("response_url").size() == 1);
        assertThat(slackApi.calls("response_url").get(0).param("body")).contains("ephemeral")
                .contains("You cannot decide your own request");
        assertThat(delivered()).as("public refusals").hasSize(posts);
        assertThat(updateOf(cards.channel())).isEmpty();
        assertThat(updateOf(cards.bobsDm())).isEmpty();
        assertThat(lastPost(c -> c.param("text") != null && c.param("text").startsWith("Creating"))).isEmpty();

        // The approver approves from his DM: both cards now say who approved and when, with no buttons.
        bob.clicksValue(cards.bobsDm(), "choice:approval", approveValueOf(cards.bobsDm()));
        for (FakeSlackWebApi.Call card : List.of(cards.channel(), cards.bobsDm())) {
            assertThat(shown(awaitUpdateOf(card))).contains(":white_check_mark: *Approved* by ").contains(" UTC")
                    .contains("Altify_MCP").doesNotContain("\"actions\"").doesNotContain("choice:approval");
        }

        // The app is created; only the requester can reveal its secret, once.
        FakeSlackWebApi.Call progress = await().atMost(Duration.ofSeconds(30)).until(
                () -> lastPost(c -> c.param("text") != null && c.param("text").startsWith("Creating")), Optional::isPresent).get();
        assertThat(progress.param("channel")).isEqualTo(alice.dmChannel);
        salesforceAnswers.countDown();
        FakeSlackWebApi.Call offer = awaitMessageWithBlock("reveal");
        assertThat(offer.param("channel")).isEqualTo(alice.dmChannel);
        bob.clicks(offer, "reveal", "reveal");
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").size() == 1);
        assertThat(slackApi.calls("views.update").get(0).param("view")).doesNotContain(CONSUMER_SECRET);
        alice.clicks(offer, "reveal", "reveal");
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").size() == 2);
        assertThat(slackApi.calls("views.update").get(1).param("view")).contains(CONSUMER_SECRET);
        await().atMost(Duration.ofSeconds(30)).until(() -> updateOf(offer).isPresent());
        alice.clicks(offer, "reveal", "reveal");
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").size() == 3);
        assertThat(slackApi.calls("views.update").get(2).param("view")).doesNotContain(CONSUMER_SECRET);
        assertThat(slackApi.calls()).filteredOn(c -> !c.method().startsWith("views."))
                .allSatisfy(c -> assertThat(c.params().toString()).doesNotContain(CONSUMER_SECRET));
    }

    @Test
    void denyOpensAReasonModalFromTheClickAndTheCardsSayWhoDeniedAndWhy() {
        Cards cards = askForAnAppInStaging();
        int modals = slackApi.calls("views.open").size();
        bob.clicksValue(cards.channel(), "choice:approval", denyValueOf(cards.channel()));
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.open").size() > modals);
        FakeSlackWebApi.Call reasonModal = slackApi.calls("views.open").get(modals);
        assertThat(reasonModal.param("view")).contains(ActionIds.FORM_CALLBACK).contains("deny-reason:")
                .contains("The requester will read it.");
        assertThat(bob.submits(reasonModal, Map.of("reason", "Use the shared Altify app instead")).body()).isEmpty();

        for (FakeSlackWebApi.Call card : List.of(cards.channel(), cards.bobsDm())) {
            assertThat(shown(awaitUpdateOf(card))).contains(":no_entry: *Denied* by ")
                    .contains("Use the shared Altify app instead").doesNotContain("\"actions\"");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> postsTo(alice.dmChannel).stream()
                .anyMatch(c -> c.param("text").contains("Use the shared Altify app instead")));
        assertThat(lastPost(c -> c.param("text") != null && c.param("text").startsWith("Creating"))).isEmpty();
    }

    @Test
    void aNonApproverPressingApproveOrDenyInTheChannelIsToldAloneAndTheCardStays() {
        Cards cards = askForAnAppInStaging();
        SlackUserSimulator carol = new SlackUserSimulator("U0CAROL01", slack, slackApi);
        int posts = delivered().size();
        int modals = slackApi.calls("views.open").size();

        carol.clicksValue(cards.channel(), "choice:approval", approveValueOf(cards.channel()));
        carol.clicksValue(cards.channel(), "choice:approval", denyValueOf(cards.channel()));
        alice.clicksValue(cards.channel(), "choice:approval", denyValueOf(cards.channel()));

        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("response_url").size() == 3);
        List<String> refusals = slackApi.calls("response_url").stream().map(c -> c.param("body")).toList();
        assertThat(refusals).allSatisfy(body -> assertThat(body).contains("ephemeral"));
        assertThat(refusals).filteredOn(b -> b.contains("cannot decide your own request")).hasSize(1);
        assertThat(refusals).filteredOn(b -> !b.contains("cannot decide your own request")).hasSize(2);
        assertThat(delivered()).as("public refusals").hasSize(posts);
        assertThat(slackApi.calls("views.open")).as("no reason form for a refused Deny").hasSize(modals);
        assertThat(updateOf(cards.channel())).as("the approval card is unchanged").isEmpty();
        assertThat(updateOf(cards.bobsDm())).isEmpty();

        // Bob may still decide it.
        bob.clicksValue(cards.bobsDm(), "choice:approval", approveValueOf(cards.bobsDm()));
        assertThat(shown(awaitUpdateOf(cards.channel()))).contains(":white_check_mark: *Approved* by ");
    }

    @Test
    void peopleShowAsMentionsAndTimesInEachReadersZoneOnCardsShowInventoryAndAudit() {
        Cards cards = askForAnAppInStaging();
        assertThat(shown(cards.channel())).contains("*Requested by:* <@U0ALICE01>")
                .containsPattern("open until <!date\\^\\d+\\^\\{date_short_pretty\\} \\{time\\}\\|20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC>");
        bob.clicksValue(cards.bobsDm(), "choice:approval", approveValueOf(cards.bobsDm()));
        assertThat(shown(awaitUpdateOf(cards.channel()))).contains(":white_check_mark: *Approved* by <@" + BOB + "> at <!date^");
        salesforceAnswers.countDown();
        awaitMessageWithBlock("reveal");

        String show = answerTo("show Altify_MCP", "Requested by");
        assertThat(show).contains("Requested by: <@U0ALICE01>").contains("Approved by: <@" + BOB + ">")
                .containsPattern("Created: <!date\\^\\d+\\^").doesNotContain("slack:U0ALICE01");
        String inventory = answerTo("inventory", "asked by");
        assertThat(inventory).contains("asked by <@U0ALICE01>").contains("approved by <@" + BOB + ">")
                .contains("created <!date^").doesNotContain("slack:U0");
        // "audit" needs the org clients (not wired here): SlackSurfacesTest renders its lines.
        assertThat(slackApi.calls()).as("no reference marker reaches Slack")
                .allSatisfy(c -> assertThat(c.params().toString()).doesNotContain("\uE000").doesNotContain("\uE001"));
    }

    @Test
    void aLongInventoryComesAPageAtATimeWithAMoreButtonWithinSlacksLimits() {
        var repo = new dev.ecabot.inventory.InventoryAppRepository(db.dataSource());
        for (int i = 0; i < 40; i++) {
            String name = String.format("App_%02d", i);
            repo.save(new dev.ecabot.inventory.InventoryApp(null, "demo", name, "A rather long label for " + name, null,
                    "vonage-ai-studio", "Vonage", "slack:U0ALICE01", "slack:" + BOB, "ops@example.com", "3MVG9" + name,
                    java.time.Instant.parse("2026-03-01T09:00:00Z"), "{}", dev.ecabot.inventory.AppStatus.ACTIVE));
        }

        String first = answerTo("inventory demo", "40 apps in demo, 1-15 shown");
        assertThat(first).contains("App_00", "App_14").doesNotContain("App_15");
        FakeSlackWebApi.Call more = awaitMessageWithBlock("choice:command:inventory demo");
        assertThat(shown(more)).contains("25 more", "\"text\":\"More\"");

        alice.clicksValue(more, "choice:command:inventory demo", "page 2");
        String second = await().atMost(Duration.ofSeconds(30)).until(() -> postsTo(alice.dmChannel).stream()
                .map(SlackConversationTest::shown).filter(t -> t.contains("16-30 shown")).findFirst(), Optional::isPresent).get();
        assertThat(second).contains("App_15", "App_29").doesNotContain("App_14", "App_30");
        assertThat(shown(awaitUpdateOf(more))).contains("<@U0ALICE01> chose *More*");
        // the @AfterEach check: no payload over Slack's limits (50 blocks, 3000 characters a section...)
    }

    @Test
    void whatIsWrittenInAThreadOfTheDirectMessagesIsAnsweredInThatThread() {
        String thread = "1700000500.000100";
        int before = postsTo(alice.dmChannel).size();
        alice.saysInThread(thread, "new altify-mcp");
        FakeSlackWebApi.Call orgQuestion = awaitMessageWithBlock("choice:q:org");
        assertThat(orgQuestion.param("thread_ts")).isEqualTo(thread);
        assertThat(postsTo(alice.dmChannel).stream().skip(before)).allSatisfy(c -> assertThat(c.param("thread_ts")).isEqualTo(thread));

        alice.says("status");
        FakeSlackWebApi.Call topLevel = await().atMost(Duration.ofSeconds(30)).until(() -> lastPost(c -> alice.dmChannel.equals(c.param("channel"))
                && c.param("thread_ts") == null), Optional::isPresent).get();
        assertThat(shown(topLevel)).as("the thread is its own conversation; the top level has none").contains("No conversation in progress");
    }

    @Test
    void theAppHomeTabShowsApprovalsAndOffersWithTheirButtonsAndEachClickThereActsAsInTheChat() {
        Cards cards = askForAnAppInStaging();

        // The request reaches Bob's tab without his opening it: the engine refreshed it when the card went out.
        FakeSlackWebApi.Call bobsHome = awaitHome(BOB, 0, v -> v.contains("Waiting for your approval (1)"));
        assertThat(viewOf(bobsHome)).contains("\"type\":\"home\"").contains("New app")
                .contains("<@U0ALICE01>").contains("Altify_MCP")
                .contains("\"text\":\"Approve\"").contains("\"style\":\"danger\"");
        bob.opensHome();
        String approve = approveValueOf(cards.bobsDm());
        String block = homeBlockWith(bobsHome, approve);
        assertThat(block).startsWith("choice:approval#home");

        // Approving from the tab decides the request: every card says so, and the tab no longer lists it.
        int bobsTabs = homesOf(BOB).size();
        bob.clicksOnHome(bobsHome, block, approve);
        assertThat(shown(awaitUpdateOf(cards.channel()))).contains("*Approved* by <@" + BOB + ">");
        awaitHome(BOB, bobsTabs, v -> !v.contains("Waiting for your approval"));

        // The requester's tab lists her new app and the secret to reveal, with the same Reveal button, unopened.
        salesforceAnswers.countDown();
        FakeSlackWebApi.Call offer = awaitMessageWithBlock("reveal");
        FakeSlackWebApi.Call alicesHome = awaitHome("U0ALICE01", 0, v -> v.contains("Credentials to reveal"));
        assertThat(viewOf(alicesHome)).contains("Reveal credentials")
                .contains("Your apps").contains("Altify_MCP").contains("<!date^").doesNotContain("Waiting for your approval");
        String offerId = SlackUserSimulator.blocksOf(offer).findValues("value").stream().map(JsonNode::asText)
                .filter(v -> !v.isBlank()).findFirst().orElseThrow();
        int alicesTabs = homesOf("U0ALICE01").size();
        alice.clicksOnHome(alicesHome, homeBlockWith(alicesHome, offerId), offerId);
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").stream()
                .anyMatch(c -> c.param("view").contains(CONSUMER_SECRET)));
        awaitHome("U0ALICE01", alicesTabs, v -> !v.contains("Credentials to reveal"));
    }

    @Test
    void theNewAppShortcutStartsARequestInTheDirectMessages() {
        bob.usesShortcut(ActionIds.NEW_SHORTCUT);

        FakeSlackWebApi.Call playbookQuestion = awaitMessageWithBlock("choice:playbook");
        assertThat(List.of(bob.dmChannel, BOB)).contains(playbookQuestion.param("channel"));
        assertThat(playbookQuestion.param("text")).contains("Which integration is the app for?");
    }

    @Test
    void multiChoiceQuestionsShowTheirOptionsToTickAndTheTicksAreTheAnswer() {
        alice.says("new custom demo");
        fillForm("app_name", "Partner Portal");
        fillForm("api_name", "Partner_Portal");
        fillForm("contact_email", "alice@example.com");
        fillForm("description", "");
        fillForm("callback_urls", "https://portal.example.com/callback");
        fillForm("logo_url", "");
        fillForm("single_logout_url", "");

        // 14 scopes: a multi-select menu listing every one, labelled without "(comma separated)".
        FakeSlackWebApi.Call scopes = openForm("q:scopes");
        JsonNode scopesInput = inputOf(scopes, "scopes");
        assertThat(scopesInput.at("/element/type").asText()).isEqualTo("multi_static_select");
        assertThat(scopesInput.at("/element/options").findValuesAsText("value")).hasSize(14).contains("Api", "RefreshToken", "MCP");
        assertThat(scopesInput.at("/label/text").asText()).startsWith("Which OAuth scopes").doesNotContain("comma");
        assertThat(alice.submitsChoices(scopes, "scopes", List.of("Api", "RefreshToken")).body()).isEmpty();

        // The flows: checkboxes, the playbook's default ticked.
        FakeSlackWebApi.Call flows = openForm("q:flows");
        JsonNode flowsInput = inputOf(flows, "flows");
        assertThat(flowsInput.at("/element/type").asText()).isEqualTo("checkboxes");
        assertThat(flowsInput.at("/element/initial_options").findValuesAsText("value")).containsExactly("authorization-code");
        assertThat(alice.submitsChoices(flows, "flows", List.of("authorization-code", "client-credentials")).body()).isEmpty();

        // Client credentials were ticked: its run-as user is asked next (the ticks were the answer).
        openForm("q:run_as_user");
    }

    @Test
    void theCustomPlaybookTakesTwoModalSubmissionsAndARefusalOnTwoFieldsKeepsTheOtherAnswers() {
        alice.says("new custom demo");
        FakeSlackWebApi.Call fillIn = awaitMessageWithBlock("form:q:app_name");
        FakeSlackWebApi.Call modal = openForm("q:app_name");
        JsonNode view = SlackUserSimulator.json(modal.param("view"));
        assertThat(view.path("blocks").findValuesAsText("block_id")).contains("app_name", "api_name", "contact_email",
                "callback_urls", "scopes", "flows", "require_secret", "refresh_token_policy", "session_level", "permitted_users");
        assertThat(inputOf(modal, "refresh_token_policy").at("/element/type").asText()).isEqualTo("static_select");
        assertThat(inputOf(modal, "contact_email").at("/element/type").asText()).isEqualTo("email_text_input");
        assertThat(inputOf(modal, "scopes").at("/element/type").asText()).isEqualTo("multi_static_select");

        Map<String, String> answers = new java.util.HashMap<>(Map.ofEntries(Map.entry("app_name", "Partner Portal"),
                Map.entry("api_name", ""), Map.entry("contact_email", "alice@example.com"), Map.entry("description", ""),
                Map.entry("callback_urls", "https://portal.example.com/callback"), Map.entry("logo_url", ""),
                Map.entry("single_logout_url", ""), Map.entry("scopes", "Api, RefreshToken"),
                Map.entry("flows", "authorization-code"), Map.entry("require_secret", "yes"),
                Map.entry("refresh_token_policy", "lifetime"), Map.entry("ip_relaxation", "Enforce"),
                Map.entry("session_level", "HIGH_ASSURANCE"), Map.entry("permitted_users", "AllSelfAuthorized")));
        Map<String, String> twoWrong = new java.util.HashMap<>(answers);
        twoWrong.put("contact_email", "alice at example");
        twoWrong.put("callback_urls", "not a url");

        // Submission 1: two fields refused beside themselves, the modal stays open with everything typed in it.
        JsonNode refused = SlackUserSimulator.json(alice.submits(modal, twoWrong).body());
        assertThat(refused.path("response_action").asText()).isEqualTo("errors");
        assertThat(refused.path("errors").fieldNames()).toIterable().containsExactlyInAnyOrder("contact_email", "callback_urls");

        // Submission 2: accepted; the modal turns into the questions the answers opened.
        JsonNode next = SlackUserSimulator.json(alice.submits(modal, answers).body());
        assertThat(next.path("response_action").asText()).isEqualTo("update");
        JsonNode step2 = next.path("view");
        assertThat(step2.path("blocks").findValuesAsText("block_id")).contains("refresh_token_validity",
                "refresh_token_unit", "refresh_token_rotation", "session_level_action").doesNotContain("app_name");
        assertThat(SlackBlockLimits.view(step2)).as("the second step within Slack's limits").isEmpty();
        // The Fill in message says what was answered, in the form's words, and has no button left.
        String closed = shown(awaitUpdateOf(fillIn));
        assertThat(closed).contains("<@U0ALICE01> answered").contains("Partner Portal")
                .contains("Expire refresh token after a specific time").doesNotContain("form-open");

        // Submission 3: the second step; the modal closes and the summary comes.
        HttpResponse<String> last = alice.submits(step2, Map.of("refresh_token_validity", "30", "refresh_token_unit", "Days",
                "refresh_token_rotation", "no", "session_level_action", "RaiseSessionLevel"));
        assertThat(last.body()).isEmpty();
        FakeSlackWebApi.Call summary = awaitMessageWithBlock("choice:confirm");
        assertThat(shown(summary)).contains("Partner_Portal").contains("30 days");
    }

    /** The input block of {@code field} in an opened modal. */
    static JsonNode inputOf(FakeSlackWebApi.Call viewsOpen, String field) {
        for (JsonNode block : SlackUserSimulator.json(viewsOpen.param("view")).path("blocks")) {
            if (field.equals(block.path("block_id").asText())) return block;
        }
        throw new AssertionError("no input " + field + " in " + viewsOpen.param("view"));
    }

    /** A published Home tab's view as JSON text, with "<" and ">" as Slack reads them. */
    static String viewOf(FakeSlackWebApi.Call publish) {
        return SlackUserSimulator.json(publish.param("view")).toString();
    }

    /** The Home tabs published for {@code userId}, oldest first. */
    List<FakeSlackWebApi.Call> homesOf(String userId) {
        return slackApi.calls("views.publish").stream().filter(c -> userId.equals(c.param("user_id"))).toList();
    }

    /** The first Home tab published for {@code userId} after the first {@code skip} whose view {@code shows} so. */
    FakeSlackWebApi.Call awaitHome(String userId, int skip, java.util.function.Predicate<String> shows) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> homesOf(userId).stream().skip(skip)
                .filter(c -> shows.test(viewOf(c))).findFirst(), Optional::isPresent).get();
    }

    /** The block id, on a published Home tab, of the button whose value is {@code value}. */
    static String homeBlockWith(FakeSlackWebApi.Call publish, String value) {
        for (JsonNode block : SlackUserSimulator.json(publish.param("view")).path("blocks")) {
            for (JsonNode el : block.path("elements")) {
                if (value.equals(el.path("value").asText())) return block.path("block_id").asText();
            }
        }
        throw new AssertionError("no button with value " + value + " on " + publish.param("view"));
    }

    /** What the bot answered Alice after she said {@code words}: the first new DM post containing {@code marker}. */
    String answerTo(String words, String marker) {
        int before = postsTo(alice.dmChannel).size();
        alice.says(words);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> postsTo(alice.dmChannel).stream().skip(before)
                    .map(SlackConversationTest::shown).filter(t -> t.contains(marker)).findFirst(), Optional::isPresent).get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no answer with \"" + marker + "\" to \"" + words + "\"; Alice got: "
                    + postsTo(alice.dmChannel).stream().skip(before).map(c -> c.param("text")).toList(), e);
        }
    }

    /** The approval cards of one request: in the approvers' channel and in Bob's DM. */
    record Cards(FakeSlackWebApi.Call channel, FakeSlackWebApi.Call bobsDm) { }

    /** Alice asks for an Altify app in staging (one approval needed) and gives her reason; returns the cards. */
    Cards askForAnAppInStaging() {
        alice.says("new altify-mcp");
        FakeSlackWebApi.Call orgQuestion = awaitMessageWithBlock("choice:q:org");
        alice.clicksValue(orgQuestion, "choice:q:org", "staging");
        fillForm("app_name", "Altify MCP");
        fillForm("api_name", "Altify_MCP");
        fillForm("contact_email", "alice@example.com");
        fillForm("description", "");
        alice.clicks(awaitMessageWithBlock("choice:confirm"), "choice:confirm", "choice-0");
        fillForm(PromptRef.Fixed.APPROVAL_REASON.encode(), "approval-reason", "Needed for the support team pilot");
        await().atMost(Duration.ofSeconds(30)).until(() -> approvalCards().size() == 2);
        awaitTurnsOver();
        List<FakeSlackWebApi.Call> cards = approvalCards();
        FakeSlackWebApi.Call channel = cards.stream().filter(c -> c.param("channel").equals(APPROVERS_CHANNEL)).findFirst()
                .orElseThrow(() -> new AssertionError("no card in the approvers' channel: " + cards));
        FakeSlackWebApi.Call dm = cards.stream().filter(c -> c.param("channel").equals(bob.dmChannel)).findFirst()
                .orElseThrow(() -> new AssertionError("no card in Bob's DM: " + cards));
        return new Cards(channel, dm);
    }

    List<FakeSlackWebApi.Call> approvalCards() {
        return slackApi.calls("chat.postMessage").stream()
                .filter(c -> c.param("blocks") != null && c.param("blocks").contains("\"block_id\":\"choice:approval\"")).toList();
    }

    List<FakeSlackWebApi.Call> postsTo(String channel) {
        return delivered().stream().filter(c -> channel.equals(c.param("channel"))).toList();
    }

    /** The chat.postMessage calls Slack accepted (a rate-limited or refused call posted nothing). */
    List<FakeSlackWebApi.Call> delivered() {
        return slackApi.calls("chat.postMessage").stream().filter(c -> c.param("_response_ts") != null).toList();
    }

    static String approveValueOf(FakeSlackWebApi.Call card) {
        return buttonValue(card, "Approve");
    }

    static String denyValueOf(FakeSlackWebApi.Call card) {
        return buttonValue(card, "Deny");
    }

    private static String buttonValue(FakeSlackWebApi.Call card, String label) {
        for (JsonNode block : SlackUserSimulator.blocksOf(card)) {
            for (JsonNode el : block.path("elements")) {
                if (label.equals(el.path("text").path("text").asText())) return el.path("value").asText();
            }
        }
        throw new AssertionError("no " + label + " button on " + shown(card));
    }

    @Test
    void aBystandersClickOnSomeoneElsesQuestionIsRefusedToThemOnlyAndTheCardStaysAsItWas() {
        alice.says("new altify-mcp");
        FakeSlackWebApi.Call orgQuestion = awaitMessageWithBlock("choice:q:org");

        bob.clicks(orgQuestion, "choice:q:org", "choice-0");

        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("response_url").size() == 1);
        assertThat(slackApi.calls("response_url").get(0).param("body")).contains("ephemeral")
                .contains("only they can answer it");
        assertThat(updateOf(orgQuestion)).as("the requester's card is untouched").isEmpty();
        assertThat(delivered()).noneMatch(c -> String.valueOf(c.param("text")).contains("only they can answer it"));

        // The question is still Alice's to answer.
        alice.clicks(orgQuestion, "choice:q:org", "choice-0");
        assertThat(shown(awaitUpdateOf(orgQuestion))).contains("<@U0ALICE01> chose *demo*");
    }

    @Test
    void aDoubleClickOnRevealShowsTheSecretOnceAndTheOtherWindowSaysWhy() {
        FakeSlackWebApi.Call offer = createAnAppUpToTheOffer();

        alice.clicks(offer, "reveal", "reveal");
        alice.clicks(offer, "reveal", "reveal");

        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").size() >= 2);
        java.util.List<String> windows = slackApi.calls("views.update").stream().map(c -> c.param("view")).toList();
        assertThat(windows).filteredOn(v -> v.contains(CONSUMER_SECRET)).as("secret shown once").hasSize(1);
        assertThat(windows).filteredOn(v -> !v.contains(CONSUMER_SECRET)).as("the other window says why")
                .anySatisfy(v -> assertThat(v).contains("already revealed"));
        assertThat(slackApi.calls("views.open")).as("one credential window per click, each filled once")
                .filteredOn(c -> c.param("view").contains("Asking the vault")).hasSize(2);
        assertThat(windows).noneMatch(v -> v.contains("Asking the vault"));
    }

    @Test
    void aCredentialWindowSlackRefusedDestroysNothingAndTheOfferRevealsLater() {
        FakeSlackWebApi.Call offer = createAnAppUpToTheOffer();
        slackApi.refuseMatching("views.update", CONSUMER_SECRET, 1, "not_found");

        alice.clicks(offer, "reveal", "reveal");

        // Alice is told in words (to her only) that nothing was lost.
        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls().stream()
                .anyMatch(c -> String.valueOf(c.params()).contains("Nothing was destroyed")));
        alice.clicks(offer, "reveal", "reveal");

        await().atMost(Duration.ofSeconds(30)).until(() -> slackApi.calls("views.update").stream()
                .filter(c -> c.param("view").contains(CONSUMER_SECRET)).count() == 2);
        assertThat(shown(awaitUpdateOf(offer))).contains("revealed at");
    }

    @Test
    void aDoubleClickOnCreateItMakesOneAppAndTheSecondClickIsToldSo() {
        alice.says("new altify-mcp demo");
        fillForm("app_name", "Altify MCP");
        fillForm("api_name", "Altify_MCP");
        fillForm("contact_email", "alice@example.com");
        fillForm("description", "");
        FakeSlackWebApi.Call summary = awaitMessageWithBlock("choice:confirm");

        alice.clicks(summary, "choice:confirm", "choice-0");
        alice.clicks(summary, "choice:confirm", "choice-0");

        await().atMost(Duration.ofSeconds(30)).until(() -> postsTo(alice.dmChannel).stream()
                .anyMatch(c -> String.valueOf(c.param("text")).contains("already creating the app")));
        salesforceAnswers.countDown();
        awaitMessageWithBlock("reveal");
        assertThat(appsCreated).as("apps created").hasValue(1);
        assertThat(delivered()).filteredOn(c -> c.param("blocks") != null && c.param("blocks").contains("\"block_id\":\"reveal\""))
                .as("reveal offers").hasSize(1);
        assertThat(delivered()).filteredOn(c -> String.valueOf(c.param("text")).contains("already creating the app"))
                .as("the second click is told, once").hasSize(1);
    }

    @Test
    void aDoubleClickOnApproveDecidesOnceAndTheSecondClickIsToldSo() {
        Cards cards = askForAnAppInStaging();

        bob.clicksValue(cards.bobsDm(), "choice:approval", approveValueOf(cards.bobsDm()));
        bob.clicksValue(cards.bobsDm(), "choice:approval", approveValueOf(cards.bobsDm()));

        await().atMost(Duration.ofSeconds(30)).until(() -> postsTo(bob.dmChannel).stream()
                .anyMatch(c -> String.valueOf(c.param("text")).contains("was already approved")));
        salesforceAnswers.countDown();
        awaitMessageWithBlock("reveal");
        assertThat(appsCreated).as("apps created").hasValue(1);
        assertThat(postsTo(bob.dmChannel)).filteredOn(c -> String.valueOf(c.param("text")).startsWith("Approved:"))
                .as("one decision").hasSize(1);
        assertThat(postsTo(bob.dmChannel)).filteredOn(c -> String.valueOf(c.param("text")).contains("was already approved"))
                .as("the second click is told, once").hasSize(1);
        assertThat(delivered()).filteredOn(c -> c.param("blocks") != null && c.param("blocks").contains("\"block_id\":\"reveal\""))
                .as("reveal offers").hasSize(1);
    }

    /** Alice asks for an app in the demo org and confirms; returns the Reveal offer once Salesforce answered. */
    FakeSlackWebApi.Call createAnAppUpToTheOffer() {
        alice.says("new altify-mcp demo");
        fillForm("app_name", "Altify MCP");
        fillForm("api_name", "Altify_MCP");
        fillForm("contact_email", "alice@example.com");
        fillForm("description", "");
        FakeSlackWebApi.Call summary = awaitMessageWithBlock("choice:confirm");
        alice.clicks(summary, "choice:confirm", "choice-0");
        salesforceAnswers.countDown();
        return awaitMessageWithBlock("reveal");
    }

    @Test
    void typingRevealInsteadOfPressingTheButtonReleasesNothing() {
        alice.says("reveal abc123");
        await().atMost(Duration.ofSeconds(30)).until(() -> lastPost(c -> true).isPresent());
        assertThat(lastPost(c -> true).get().param("text")).contains("There is no reveal offer abc123");
        assertThat(slackApi.calls("views.open")).isEmpty();
    }

    /** Alice opens the form of question {@code fieldId} and answers its one field (named like the question). */
    void fillForm(String fieldId, String answer) {
        fillForm(new PromptRef.Question(fieldId).encode(), fieldId, answer);
    }

    /** Alice opens form {@code formId} (its {@link PromptRef} encoded) and answers its field {@code fieldId}. */
    void fillForm(String formId, String fieldId, String answer) {
        FakeSlackWebApi.Call form = openForm(formId);
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
        FakeSlackWebApi.Call message = await().atMost(Duration.ofSeconds(30))
                .until(() -> lastPost(c -> c.param("blocks") != null && c.param("blocks").contains("\"block_id\":\"" + blockId + "\"")),
                        Optional::isPresent)
                .orElseThrow(() -> new AssertionError("the bot never posted " + blockId + "; posts: " + posts()));
        awaitTurnsOver();
        return message;
    }

    /** Waits until no engine turn is in progress: what the cards on screen stand for is committed (see turnsInProgress). */
    void awaitTurnsOver() {
        await().atMost(Duration.ofSeconds(30)).until(() -> turnsInProgress.get() == 0);
    }

    Optional<FakeSlackWebApi.Call> lastPost(java.util.function.Predicate<FakeSlackWebApi.Call> matching) {
        List<FakeSlackWebApi.Call> posts = delivered().stream().filter(matching).toList();
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
