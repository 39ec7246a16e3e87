package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals in the conversation, on the emulator-backed demo org made to need one approval: alice and erin request,
 * bob and carol approve (carol also requests), dave administers.
 */
class ApprovalConversationTest {

    static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")),
            List.of(Grantee.parse("test:bob"), Grantee.parse("test:carol")), List.of(Grantee.parse("test:dave")));
    static final ApprovalPolicyConfig DEMO_NEEDS_ONE = new ApprovalPolicyConfig(1, Duration.ofHours(24),
            Map.of("demo", new ApprovalPolicyConfig.OrgRule(1, List.of())), Map.of());

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES).withApprovals(DEMO_NEEDS_ONE));
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");
    private final Person carol = bot.chat().as("carol");
    private final Person erin = bot.chat().as("erin");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void productionRequestWaitsForAnApprover() {
        Transcript waiting = request(alice, "Vonage Prod", "Voice bot for support, ticket OPS-142");
        assertThat(waiting.text()).contains("is waiting for approval (1 needed in org demo)")
                .contains("nothing is created before that").contains("Say \"cancel\" to withdraw it");

        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        assertThat(card.org()).isEqualTo("demo");
        assertThat(card.playbook()).isEqualTo("vonage-ai-studio");
        assertThat(card.requester()).isEqualTo("test:alice");
        assertThat(card.reason()).isEqualTo("Voice bot for support, ticket OPS-142");
        assertThat(card.expiresAt()).isEqualTo(TestBot.START.plus(Duration.ofHours(24)));
        assertThat(card.decidable()).isTrue();
        assertThat(card.facts()).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("API name");
            assertThat(f.value()).isEqualTo("Vonage_Prod");
        });
        assertThat(card.facts()).anySatisfy(f -> assertThat(f.label()).isEqualTo("Callback URLs"));
        assertThat(carol.everything().all(ApprovalCard.class)).hasSize(1);
        assertThat(alice.everything().all(ApprovalCard.class)).isEmpty();

        assertThat(alice.says("status").text()).contains("is waiting for an approver");
        assertThat(alice.everything().text()).doesNotContain("Creating");
        assertThat(bob.says("inventory demo").text()).doesNotContain("Vonage_Prod");
    }

    @Test
    void theRequesterCanNeverApproveTheirOwnRequest() {
        request(carol, "Vonage Prod", "Carol's own pilot");
        assertThat(carol.everything().all(ApprovalCard.class)).as("no card to the requester").isEmpty();
        String id = bob.everything().last(ApprovalCard.class).requestId();

        assertThat(carol.says("approve " + id).text()).contains("You cannot decide your own request " + id);
        assertThat(carol.everything().text()).doesNotContainIgnoringCase("creating it now");
        assertThat(bob.everything().last(ApprovalCard.class).decidable()).isTrue();
    }

    @Test
    void someoneWhoIsNotAnApproverIsRefusedAndToldWhoGrantsTheRole() {
        request(alice, "Vonage Prod", "Voice bot");
        String id = bob.everything().last(ApprovalCard.class).requestId();

        String refusal = erin.says("approve " + id).text();
        assertThat(refusal).contains("You may not run `approve`: it needs the approver role")
                .contains("Ask a bot admin (test:dave)");
        assertThat(erin.presses(ApprovalCard.PROMPT_ID, "approve " + id + " 00").text()).contains("needs the approver role");
        assertThat(alice.everything().text()).doesNotContain("was approved");
    }

    @Test
    void aDenialAsksForAReasonAndTellsTheRequesterIt() {
        request(alice, "Vonage Prod", "Voice bot");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);

        Transcript asked = bob.presses(ApprovalCard.PROMPT_ID, card.denyValue());
        assertThat(asked.last(FormPrompt.class).title()).contains("Why do you deny request " + card.requestId());
        assertThat(bob.submits(Map.of("reason", "Use the shared Vonage app instead")).text()).contains("Denied");

        assertThat(alice.awaits("was denied by Bob: Use the shared Vonage app instead").text())
                .contains("Nothing was created");
        assertThat(alice.says("status").text()).contains("No conversation in progress");
        ApprovalCard closed = carol.everything().last(ApprovalCard.class);
        assertThat(closed.status()).isEqualTo(ApprovalCard.Status.DENIED);
        assertThat(InlineText.plain(closed.decidedBy())).isEqualTo("Bob"); // a person: a mention on Slack and Teams
        assertThat(closed.decidedAt()).isEqualTo(TestBot.START);
        assertThat(closed.note()).isEqualTo("Use the shared Vonage app instead");
        assertThat(audit(card.requestId())).contains(AuditKind.REQUEST, AuditKind.DENIAL);
    }

    @Test
    void withTwoApprovalsTheCardsAndTheRequesterNameBothApprovers() {
        try (TestBot two = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES).withApprovals(
                new ApprovalPolicyConfig(2, Duration.ofHours(24), Map.of("demo", new ApprovalPolicyConfig.OrgRule(2,
                        List.of())), Map.of())))) {
            Person requester = two.chat().as("alice");
            Walks.toTheSummary(requester, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod",
                    "contact_email", "ops@example.com"));
            assertThat(requester.confirms().text()).contains("needs 2 approvals");
            requester.says("Voice bot");
            Person first = two.chat().as("bob");
            Person second = two.chat().as("carol");
            first.presses(ApprovalCard.PROMPT_ID, first.everything().last(ApprovalCard.class).approveValue());
            second.presses(ApprovalCard.PROMPT_ID, second.everything().last(ApprovalCard.class).approveValue());

            assertThat(requester.awaits("Consumer key: 3MVG9").text()).contains("was approved by bob and Carol");
            assertThat(InlineText.plain(first.everything().last(ApprovalCard.class).decidedBy())).isEqualTo("bob and Carol");
        }
    }

    @Test
    void retypingTheWholeDenyCommandAtTheReasonPromptKeepsOnlyTheReason() {
        request(alice, "Vonage Prod", "Voice bot");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        bob.presses(ApprovalCard.PROMPT_ID, card.denyValue());

        bob.submits(Map.of("reason", "deny " + card.requestId() + " Use the shared Vonage app instead"));

        assertThat(alice.awaits("was denied by Bob").text()).contains("was denied by Bob: Use the shared Vonage app instead")
                .doesNotContain("Bob: deny ");
        assertThat(carol.everything().last(ApprovalCard.class).note()).isEqualTo("Use the shared Vonage app instead");
    }

    @Test
    void anApprovalCreatesTheAppInTheEmulatorOrgAndTellsTheRequester() {
        request(alice, "Vonage Prod", "Voice bot");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);

        assertThat(bob.presses(ApprovalCard.PROMPT_ID, card.approveValue()).text()).contains("Approved");
        Transcript done = alice.awaits("Consumer key: 3MVG9");
        assertThat(done.text()).contains("was approved by Bob. Creating it now").contains("exists in demo");
        assertThat(bob.says("inventory demo").text()).contains("Vonage_Prod: Vonage Prod").contains("asked by test:alice")
                .contains("approved by test:bob");

        ApprovalCard closed = bob.everything().last(ApprovalCard.class);
        assertThat(closed.status()).isEqualTo(ApprovalCard.Status.APPROVED);
        assertThat(InlineText.plain(closed.decidedBy())).isEqualTo("Bob"); // a person: a mention on Slack and Teams
        assertThat(carol.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.APPROVED);
        assertThat(carol.says("approve " + card.requestId()).text()).contains("was already approved");
        assertThat(audit(card.requestId())).contains(AuditKind.REQUEST, AuditKind.APPROVAL);
    }

    @Test
    void aChangedRequestNeedsApprovingAgain() {
        request(alice, "Vonage Prod", "Voice bot");
        ApprovalCard first = bob.everything().last(ApprovalCard.class);
        assertThat(alice.says("cancel").text()).contains("Withdrew request " + first.requestId());
        assertThat(bob.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.WITHDRAWN);

        request(alice, "Vonage Voice", "Voice bot, now with a different name");
        ApprovalCard second = bob.everything().last(ApprovalCard.class);
        assertThat(second.requestId()).isNotEqualTo(first.requestId());
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());

        assertThat(bob.presses(ApprovalCard.PROMPT_ID, first.approveValue()).text()).contains("was already withdrawn");
        String stale = "approve " + second.requestId() + " " + first.fingerprint();
        assertThat(bob.presses(ApprovalCard.PROMPT_ID, stale).text()).contains("is not the one you were shown")
                .contains("Nothing was approved");
        assertThat(alice.everything().text()).doesNotContainIgnoringCase("creating it now");

        bob.presses(ApprovalCard.PROMPT_ID, second.approveValue());
        assertThat(alice.awaits("Consumer key: 3MVG9").text()).contains("Vonage_Voice");
    }

    @Test
    void anUndecidedRequestExpiresAndTheRequesterIsTold() {
        request(alice, "Vonage Prod", "Voice bot");
        String id = bob.everything().last(ApprovalCard.class).requestId();

        bot.clock().advance(Duration.ofHours(23));
        assertThat(bot.engine().expireApprovals()).isZero();
        bot.clock().advance(Duration.ofHours(1));
        assertThat(bot.engine().expireApprovals()).isEqualTo(1);

        assertThat(alice.everything().text()).contains("Request " + id + " (vonage-ai-studio in demo) expired")
                .contains("Nothing was created");
        assertThat(bob.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.EXPIRED);
        assertThat(bob.says("approve " + id).text()).contains("expired");
        assertThat(audit(id)).contains(AuditKind.EXPIRY);
    }

    @Test
    void aRequesterWhoWritesAfterTheRequestExpiredIsToldSoEvenBeforeTheSweepRan() {
        request(alice, "Vonage Prod", "Voice bot");
        String id = bob.everything().last(ApprovalCard.class).requestId();
        bot.clock().advance(Duration.ofHours(25)); // the minute sweep has not run (the bot was down, say)

        Transcript status = alice.says("status");

        assertThat(status.text()).contains("Request " + id + " (vonage-ai-studio in demo) expired")
                .contains("Nothing was created").doesNotContain("is waiting for an approver");
        assertThat(alice.says("cancel").text()).doesNotContain("Withdrew");
        assertThat(bob.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.EXPIRED);
        assertThat(bot.engine().expireApprovals()).isZero();
        Walks.toTheSummary(carol, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod", "contact_email",
                "ops@example.com")); // the name is free again
    }

    @Test
    void aWaitingRequestSurvivesARestartAndAnApprovalTypedAfterwardsCreatesTheApp() {
        request(alice, "Vonage Prod", "Voice bot");
        String id = bob.everything().last(ApprovalCard.class).requestId();

        bot.restart();
        assertThat(bob.says("approve " + id).text()).contains("Approved");
        assertThat(alice.awaits("Consumer key: 3MVG9").text()).contains("was approved by Bob");
        assertThat(bob.everything().last(ApprovalCard.class).status()).as("the card posted before the restart is updated")
                .isEqualTo(ApprovalCard.Status.APPROVED);
    }

    @Test
    void anApproversButtonsStillWorkWhenTheirOwnConversationHasJustExpired() {
        request(alice, "Vonage Prod", "Voice bot");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        bob.says("new vonage-ai-studio demo");
        bot.clock().advance(Duration.ofHours(2));

        Transcript pressed = bob.presses(ApprovalCard.PROMPT_ID, card.approveValue());
        assertThat(pressed.text()).contains("expired after 1 hour").contains("Approved");
        assertThat(alice.awaits("Consumer key: 3MVG9").text()).contains("was approved by Bob");
    }

    @Test
    void eachPersonsHomeListsOnlyWhatTheyMayActOn() {
        request(alice, "Vonage Prod", "Voice bot for support, ticket OPS-142");

        assertThat(bot.engine().home(bob.user()).orElseThrow().approvals()).singleElement()
                .satisfies(c -> assertThat(c.requester()).isEqualTo("test:alice"));
        assertThat(bot.engine().home(alice.user()).orElseThrow().approvals()).as("never her own request").isEmpty();
        assertThat(bot.engine().home(erin.user()).orElseThrow().approvals()).as("not an approver").isEmpty();

        bob.presses(ApprovalCard.PROMPT_ID, bob.everything().last(ApprovalCard.class).approveValue());
        alice.awaits("Consumer key: 3MVG9");
        var home = bot.engine().home(alice.user()).orElseThrow();
        assertThat(home.apps()).singleElement().satisfies(f -> assertThat(f.label()).isEqualTo("Vonage_Prod"));
        assertThat(home.offers()).singleElement().satisfies(o -> assertThat(o.label()).contains("Vonage_Prod"));
        assertThat(home.approvals()).isEmpty();
        var erins = bot.engine().home(erin.user()).orElseThrow();
        assertThat(erins.apps()).as("someone else's app").isEmpty();
        assertThat(erins.offers()).as("someone else's secret").isEmpty();
        assertThat(bot.engine().home(bob.user()).orElseThrow().approvals()).as("decided").isEmpty();
    }

    private Transcript request(Person who, String appName, String reason) {
        Walks.toTheSummary(who, "vonage-ai-studio", "demo", Map.of("app_name", appName, "contact_email", "ops@example.com"));
        assertThat(who.confirms().text()).contains("Org demo needs 1 approval before I create this");
        return who.says(reason);
    }

    private List<AuditKind> audit(String requestId) {
        return new AuditTrail(bot.database().dataSource()).recent(100).stream()
                .filter(e -> requestId.equals(e.reference())).map(e -> e.kind()).toList();
    }
}
