package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code rotate} and {@code delete} on the emulated demo org made to need one approval: everyone requests, bob and
 * carol approve, "admin" administers; alice and bob are admins too, so they may ask for rotations.
 */
class ChangeApprovalConversationTest {

    private static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")),
            List.of(Grantee.parse("test:bob"), Grantee.parse("test:carol")), List.of(Grantee.parse("test:admin"), Grantee.parse("test:alice"), Grantee.parse("test:bob")));
    private static final ApprovalPolicyConfig DEMO_NEEDS_ONE = new ApprovalPolicyConfig(1, Duration.ofHours(24),
            Map.of("demo", new ApprovalPolicyConfig.OrgRule(1, List.of())), Map.of());

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES)
            .withApprovals(DEMO_NEEDS_ONE).withReminders());
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");
    private final Person carol = bot.chat().as("carol");
    private final Person admin = bot.chat().as("admin");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void rotationWaitsForAnApproverThenOffersTheNewPairOnceToTheRequester() {
        InventoryApp before = approvedVonageApp();

        assertThat(alice.says("rotate Vonage_Prod").text()).contains("Org demo needs 1 approval to rotate Vonage_Prod",
                "because <reason>");
        assertThat(alice.says("rotate Vonage_Prod because the secret leaked into a build log").text())
                .contains("is waiting for approval (1 needed in org demo)", "nothing changes before that");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        assertThat(card.title()).contains("rotate the credentials of Vonage_Prod in org demo");
        assertThat(card.requester()).isEqualTo("test:alice");
        assertThat(card.reason()).isEqualTo("the secret leaked into a build log");
        assertThat(consumerKey()).as("nothing rotated before approval").isEqualTo(before.consumerKey());

        assertThat(bob.presses(ApprovalCard.PROMPT_ID, card.approveValue()).text()).contains("Approved");
        String told = alice.awaits("Rotated Vonage_Prod").text();
        String newKey = consumerKey();
        assertThat(newKey).isNotEqualTo(before.consumerKey());
        assertThat(told).contains("was approved by Bob", "the new consumer key is " + newKey);
        assertThat(bob.everything().all(RevealOffer.class)).as("the offer goes to the requester only").isEmpty();
        alice.revealsSecret();
        assertThat(alice.revealed()).singleElement().satisfies(r -> assertThat(r.note()).contains(newKey));
        assertThat(alice.revealsSecret().text()).containsIgnoringCase("already");
        assertThat(bob.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.APPROVED);
        assertThat(carol.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.APPROVED);
    }

    @Test
    void deletionWaitsForAnApproverThenDeletesTheAppFromTheOrg() {
        approvedVonageApp();

        assertThat(admin.says("delete Vonage_Prod because the Vonage pilot ended").text())
                .contains("is waiting for approval (1 needed in org demo)");
        assertThat(bot.orgClients().forOrg("demo").apps().find("Vonage_Prod")).isPresent();
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        assertThat(card.title()).contains("delete Vonage_Prod in org demo");

        bob.presses(ApprovalCard.PROMPT_ID, card.approveValue());
        assertThat(admin.awaits("Deleted Vonage_Prod from demo").text()).contains("was approved by Bob");
        assertThat(bot.orgClients().forOrg("demo").apps().find("Vonage_Prod")).isEmpty();
        assertThat(inventory().find("demo", "Vonage_Prod").orElseThrow().status()).isEqualTo(AppStatus.DELETED);
    }

    @Test
    void aDeniedRotationTellsTheRequesterWhyAndChangesNothing() {
        InventoryApp before = approvedVonageApp();
        alice.says("rotate Vonage_Prod because routine rotation");
        String id = bob.everything().last(ApprovalCard.class).requestId();

        bob.says("deny " + id + " rotate it in the maintenance window, ticket OPS-9");

        assertThat(alice.awaits("was denied by Bob").text()).contains("(rotate Vonage_Prod in demo)", "rotate it in the maintenance window, ticket OPS-9",
                "Nothing was rotated");
        assertThat(consumerKey()).isEqualTo(before.consumerKey());
        assertThat(alice.everything().all(RevealOffer.class)).as("only the offer from creating the app").hasSize(1);
        assertThat(bob.everything().last(ApprovalCard.class).status()).isEqualTo(ApprovalCard.Status.DENIED);
    }

    @Test
    void anApproverCannotApproveTheirOwnRotation() {
        InventoryApp before = approvedVonageApp();
        bob.says("rotate Vonage_Prod because bob's own idea");
        String id = carol.everything().last(ApprovalCard.class).requestId();

        assertThat(bob.says("approve " + id).text()).contains("You cannot decide your own request " + id);
        assertThat(consumerKey()).isEqualTo(before.consumerKey());
        assertThat(bob.everything().text()).doesNotContain("Rotated Vonage_Prod");
    }

    @Test
    void aRevokeOldConfirmationTravelsThroughTheApprovalSoTheSlotIsClearedAndTheRotationGoesOn() {
        approvedVonageApp();
        alice.says("rotate Vonage_Prod because routine rotation");
        bob.presses(ApprovalCard.PROMPT_ID, bob.everything().last(ApprovalCard.class).approveValue());
        alice.awaits("Rotated Vonage_Prod");
        String firstKey = consumerKey();

        // Within 30 days the replaced pair still holds the staged slot: without revoke-old, approval alone changes nothing.
        alice.says("rotate Vonage_Prod because second rotation");
        bob.presses(ApprovalCard.PROMPT_ID, bob.everything().last(ApprovalCard.class).approveValue());
        assertThat(alice.awaits("The staged slot of Vonage_Prod").text()).contains("Nothing was changed", "revoke-old");
        assertThat(consumerKey()).isEqualTo(firstKey);

        bot.clock().advance(Duration.ofDays(1));
        assertThat(alice.says("rotate Vonage_Prod revoke-old because the old pair leaked too").text())
                .contains("is waiting for approval");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        assertThat(card.facts()).as("approvers see that the old pair will be revoked")
                .anySatisfy(f -> assertThat(f.label() + ": " + f.value()).contains("Staged slot", "revoke the old pair", "revoke-old"));
        assertThat(consumerKey()).as("nothing before approval").isEqualTo(firstKey);

        bob.presses(ApprovalCard.PROMPT_ID, card.approveValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.everything().text().split("Rotated Vonage_Prod", -1).length == 3);
        assertThat(consumerKey()).isNotEqualTo(firstKey);
        assertThat(admin.says("audit Vonage_Prod").text()).contains("to make room for a new rotation (confirmed with revoke-old)",
                "the old pair leaked too");
    }

    /** Alice asks for the Vonage app in demo, bob approves it; returns its inventory row once created. */
    @Test
    void aRotationCardNamesWhoCreatedTheAppAsAPersonNotAnId() {
        approvedVonageApp();

        admin.says("rotate Vonage_Prod because the secret leaked");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        String createdBy = card.facts().stream().filter(f -> f.label().equals("Created by")).findFirst().orElseThrow().value();
        assertThat(dev.ecabot.conversation.message.InlineText.parts(createdBy)).as("a mention each platform renders")
                .containsExactly(new dev.ecabot.conversation.message.InlineText.Mention(
                        new dev.ecabot.conversation.message.Person("test", "alice", null)));
        assertThat(dev.ecabot.conversation.message.PlainText.render(card)).contains("Created by: test:alice");
    }

    private InventoryApp approvedVonageApp() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod", "contact_email", "ops@example.com"));
        alice.confirms();
        alice.says("Voice bot for support");
        bob.presses(ApprovalCard.PROMPT_ID, bob.everything().last(ApprovalCard.class).approveValue());
        alice.awaits("Consumer key and secret of Vonage_Prod");
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.reminders().forApp("demo", "Vonage_Prod").isEmpty());
        return inventory().find("demo", "Vonage_Prod").orElseThrow();
    }

    private String consumerKey() {
        return inventory().find("demo", "Vonage_Prod").orElseThrow().consumerKey();
    }

    private InventoryAppRepository inventory() {
        return new InventoryAppRepository(bot.database().dataSource());
    }
}
