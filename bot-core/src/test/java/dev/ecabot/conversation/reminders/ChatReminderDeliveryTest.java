package dev.ecabot.conversation.reminders;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.store.Database;
import dev.ecabot.testing.TestChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Due reminders reach the right people through the chat port, and say so when they come late. */
class ChatReminderDeliveryTest {

    private final Database db = Database.inMemory("delivery-" + UUID.randomUUID());
    private final TestChat chat = new TestChat();
    private final RolesConfig roles = new RolesConfig(List.of(Grantee.parse("test:*")),
            List.of(Grantee.parse("test:bob"), Grantee.parse("test:carol"), Grantee.parse("group:test:finance")), List.of());
    private final ApprovalPolicyConfig policy = new ApprovalPolicyConfig(1, Duration.ofHours(24),
            Map.of("finance", new ApprovalPolicyConfig.OrgRule(2, List.of(Grantee.parse("test:carol")))), Map.of(),
            "test:C0APPROVALS");
    private final ChatReminderDelivery delivery = new ChatReminderDelivery(chat, new Approvals(db.dataSource(), policy,
            new AccessPolicy(roles), new AuditTrail(db.dataSource()), Clock.systemUTC()));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRequesterReminderGoesToThatPersonsDirectMessagesOnly() {
        delivery.deliver(reminder(Recipient.requester(ChatUserRef.parse("test:alice")), "prod"), false);
        assertThat(chat.as("alice").everything().text()).isEqualTo("Reminder: Claude_MCP in prod should be usable now.");
        assertThat(chat.entries()).singleElement()
                .satisfies(e -> assertThat(e.to().place().channelId()).as("the person's own DM").isEqualTo("dm:alice"));
    }

    @Test
    void anApproversReminderGoesToEachListedApproverAndTheApproversChannel() {
        delivery.deliver(reminder(Recipient.approvers(), "prod"), false);
        assertThat(chat.as("bob").everything().text()).startsWith("Reminder:");
        assertThat(chat.as("carol").everything().text()).startsWith("Reminder:");
        assertThat(chat.entries()).extracting(e -> e.to().user().id()).containsExactly("bob", "carol", "C0APPROVALS");

        // an org with its own approver list reminds only them (and the channel)
        TestChat other = new TestChat();
        new ChatReminderDelivery(other, new Approvals(db.dataSource(), policy, new AccessPolicy(roles),
                new AuditTrail(db.dataSource()), Clock.systemUTC())).deliver(reminder(Recipient.approvers(), "finance"), false);
        assertThat(other.entries()).extracting(e -> e.to().user().id()).containsExactly("carol", "C0APPROVALS");
    }

    @Test
    void aLateReminderSaysItIsLate() {
        delivery.deliver(reminder(Recipient.channel("test", "C0OWNERS"), "prod"), true);
        assertThat(chat.entries()).singleElement().satisfies(e -> {
            assertThat(e.to().place().channelId()).isEqualTo("C0OWNERS");
            assertThat(PlainText.render(e.message())).contains("comes late because the bot was not running");
        });
    }

    @Test
    void theRevealReminderCarriesTheRevealButtonWhileTheSecretWaits() {
        dev.ecabot.vault.RevealOffers offers = new dev.ecabot.vault.RevealOffers(db.dataSource(),
                dev.ecabot.vault.MasterKey.generate(), new AuditTrail(db.dataSource()));
        ChatUserRef alice = ChatUserRef.parse("test:alice");
        dev.ecabot.vault.RevealOffer offer = offers.create(alice, "prod", "Claude_MCP",
                new dev.ecabot.vault.ConsumerCredentials("3MVG9KEY", dev.ecabot.vault.Secret.of("s3cr3t-value")));
        ChatReminderDelivery withButtons = new ChatReminderDelivery(chat, new Approvals(db.dataSource(), policy,
                new AccessPolicy(roles), new AuditTrail(db.dataSource()), Clock.systemUTC()), offers, null);
        Reminder due = dev.ecabot.reminders.ReminderPlans.defaults().revealExpiring(offer);

        withButtons.deliver(due, false);

        assertThat(chat.entries()).extracting(TestChat.Entry::message).hasSize(2)
                .element(1).isInstanceOfSatisfying(dev.ecabot.conversation.message.RevealOffer.class, button -> {
                    assertThat(button.offerId()).isEqualTo(offer.offerId());
                    assertThat(button.label()).contains("Claude_MCP");
                });
        assertThat(chat.entries()).allSatisfy(e -> assertThat(e.to().place().channelId()).isEqualTo("dm:alice"));
        assertThat(chat.entries()).allSatisfy(e -> assertThat(e.message().toString()).doesNotContain("s3cr3t-value"));

        // Once revealed (or expired), the reminder carries words only: no button to a secret that is gone.
        offers.reveal(offer.offerId(), alice);
        withButtons.deliver(due, false);
        assertThat(chat.entries()).hasSize(3);
        assertThat(chat.entries().get(2).message()).isNotInstanceOf(dev.ecabot.conversation.message.RevealOffer.class);
    }

    private static Reminder reminder(Recipient to, String org) {
        return new Reminder("r-" + UUID.randomUUID(), ReminderKind.APP_USABLE, to, org, "Claude_MCP", null,
                Instant.parse("2026-03-02T10:42:00Z"), "Claude_MCP in " + org + " should be usable now.");
    }
}
