package dev.ecabot.conversation.inventory;

import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rotate} and {@code revoke-old} against the emulated demo org. */
class RotationConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void rotationOffersTheNewPairOnceRemindsAboutTheOldOneAndUpdatesTheKey() throws Exception {
        InventoryApp before = DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");

        admin.says("rotate Vonage_Prod");
        String told = admin.awaits("Rotated Vonage_Prod").text();
        InventoryApp after = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow();

        assertThat(after.consumerKey()).isNotEqualTo(before.consumerKey());
        assertThat(told).contains("the new consumer key is " + after.consumerKey(),
                "The old pair keeps working until 2026-04-01 10:12 UTC; I will remind its owner test:alice 3 days before",
                "say \"revoke-old Vonage_Prod\"", "New consumer key and secret of Vonage_Prod: shown once, to you only");

        String offerId = admin.everything().last(RevealOffer.class).offerId();
        assertThat(alice.presses(RevealOffer.PROMPT_ID, offerId).text()).containsIgnoringCase("not");
        admin.revealsSecret();
        List<SecretReveal> revealed = admin.revealed();
        assertThat(revealed).hasSize(1);
        assertThat(revealed.get(0).note()).contains(after.consumerKey());
        assertThat(admin.revealsSecret().text()).containsIgnoringCase("already");

        List<Reminder> reminders = bot.reminders().forApp("demo", "Vonage_Prod").stream()
                .filter(r -> r.kind() == ReminderKind.OLD_CREDENTIAL_EXPIRING).toList();
        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.dueAt()).isEqualTo(TestBot.START.plus(Duration.ofDays(27)));
            assertThat(r.recipient().user().toString()).as("the app's owner, not the admin who rotated").isEqualTo("test:alice");
        });
        String secret = revealed.get(0).secret().reveal();
        assertThat(admin.says("audit Vonage_Prod").text()).contains("rotation by test:admin", after.consumerKey())
                .doesNotContain(secret);
        assertThat(bot.chat().entries().toString()).doesNotContain(secret);
        assertThat(wholeDatabase()).as("the new secret is nowhere in the database, the vault's ciphertext aside")
                .doesNotContain(secret).contains(after.consumerKey());
    }

    /** Every row of every table, as H2's SCRIPT command writes it. */
    private String wholeDatabase() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = bot.database().dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT")) {
            while (rs.next()) dump.append(rs.getString(1)).append('\n');
        }
        return dump.toString();
    }

    @Test
    void revokeOldStopsTheOldPairOnceAndCancelsItsReminder() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        admin.says("rotate Vonage_Prod");
        admin.awaits("Rotated Vonage_Prod");

        admin.says("revoke-old vonage_prod");
        assertThat(admin.awaits("Revoked the old credentials").text()).contains("only the new pair works now");
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod"))
                .noneMatch(r -> r.kind() == ReminderKind.OLD_CREDENTIAL_EXPIRING);

        admin.says("revoke-old Vonage_Prod");
        assertThat(admin.awaits("has no old credentials still working").text()).contains("was not rotated, or the old pair");
    }

    @Test
    void aSecondRotationWithinThirtyDaysSaysWhatHoldsTheSlotAndRotatesOnceTheAdminConfirmsRevokingIt() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        admin.says("rotate Vonage_Prod");
        admin.awaits("Rotated Vonage_Prod");
        String firstKey = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow().consumerKey();

        admin.says("rotate Vonage_Prod");
        assertThat(admin.awaits("The staged slot of Vonage_Prod").text()).contains("The staged slot of Vonage_Prod holds the pair replaced by an"
                + " earlier rotation", "one staged pair at a time", "Nothing was changed", "\"rotate Vonage_Prod demo revoke-old\"");
        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow()
                .consumerKey()).isEqualTo(firstKey);

        bot.clock().advance(Duration.ofDays(2));
        admin.says("rotate Vonage_Prod demo revoke-old");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.everything().text().split("Rotated Vonage_Prod", -1).length == 3);
        String told = admin.everything().text();
        String secondKey = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow().consumerKey();
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(told).contains("the new consumer key is " + secondKey);
        assertThat(admin.revealed()).isEmpty();   // both offers wait for the admin; nothing is shown unasked
        assertThat(admin.says("audit Vonage_Prod").text()).contains("to make room for a new rotation");
        // the first rotation's reminder went with its old pair; the second rotation has its own
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod"))
                .filteredOn(r -> r.kind() == ReminderKind.OLD_CREDENTIAL_EXPIRING).hasSize(1);
        assertThat(bot.emulatedOrg().emulator().org().consumer("Vonage_Prod").orElseThrow().staged().state()).isEqualTo("Rotated");
    }

    @Test
    void whenTheSlotCannotBeReadAfterThePromotionTheNewPairIsStillOfferedAndRevokeOldFindsTheOldOneLater() {
        InventoryApp before = DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        bot.emulatedOrg().emulator().faults().failRequestsAfterNext("PATCH", 8, 503);

        admin.says("rotate Vonage_Prod");
        String told = admin.awaits("Rotated Vonage_Prod").text();

        var consumer = bot.emulatedOrg().emulator().org().consumer("Vonage_Prod").orElseThrow();
        assertThat(consumer.key()).as("the new pair is live, not revoked").isNotEqualTo(before.consumerKey());
        assertThat(told).contains("the new consumer key is " + consumer.key());
        assertThat(admin.everything().last(RevealOffer.class)).isNotNull();
        bot.emulatedOrg().emulator().faults().failNextRequests(0, 503);

        admin.says("revoke-old Vonage_Prod");
        admin.awaits("Revoked the old credentials");
        assertThat(bot.emulatedOrg().emulator().org().consumer("Vonage_Prod").orElseThrow().staged()).isNull();
    }

    @Test
    void aPackagedAppIsRefusedBeforeAnyCallToSalesforce() {
        InventoryApp made = DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        InventoryAppRepository repo = new InventoryAppRepository(bot.database().dataSource());
        String packagedSettings = made.settingsJson().replaceAll("\"distributionState\"\\s*:\\s*\"[A-Za-z]+\"",
                "\"distributionState\":\"PACKAGED\"");
        assertThat(packagedSettings).contains("PACKAGED");
        repo.save(new InventoryApp(made.id(), made.org(), made.apiName(), made.label(), made.salesforceId(), made.playbookId(),
                made.vendor(), made.requester(), made.approver(), made.contactEmail(), made.consumerKey(), made.createdAt(),
                packagedSettings, made.status()));
        int callsBefore = bot.emulatedOrg().emulator().org().calls().size();

        admin.says("rotate Vonage_Prod");
        assertThat(admin.awaits("Problem:").text()).contains("packaged External Client App", "only for local apps",
                "nothing was changed");
        assertThat(bot.emulatedOrg().emulator().org().calls()).hasSize(callsBefore);
    }

    @Test
    void theReasonGivenAfterBecauseReachesTheAuditTrailThoughNoApprovalIsNeeded() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");

        admin.says("rotate Vonage_Prod because the secret was pasted in a ticket");
        admin.awaits("Rotated Vonage_Prod");

        assertThat(admin.says("audit Vonage_Prod").text()).contains("rotation by test:admin",
                "reason: the secret was pasted in a ticket");
    }

    @Test
    void rotatingTwiceAsksForRevokeOldFirstInsteadOfShowingSalesforcesError() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        admin.says("rotate Vonage_Prod");
        admin.awaits("Rotated Vonage_Prod");

        admin.says("rotate Vonage_Prod");

        assertThat(admin.awaits("The staged slot of Vonage_Prod").text()).contains("revoke-old", "Nothing was changed")
                .doesNotContain("Delete them");
        admin.says("revoke-old Vonage_Prod");
        admin.awaits("Revoked the old credentials");
        admin.says("rotate Vonage_Prod");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.everything().text().split("Rotated Vonage_Prod", -1).length == 3);
    }

    @Test
    void rotatingAnAppDeletedOutsideTheBotSaysSoAndChangesNothing() {
        InventoryApp before = DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        bot.orgClients().forOrg("demo").deleteApp("Vonage_Prod", DeployProgressListener.NONE);

        admin.says("rotate Vonage_Prod");

        assertThat(admin.awaits("Problem:").text()).contains("Org 'demo' has no External Client App named Vonage_Prod",
                "say \"sync demo\"", "Nothing was rotated").doesNotContain("Rotated Vonage_Prod");
        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow()
                .consumerKey()).isEqualTo(before.consumerKey());
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod"))
                .noneMatch(r -> r.kind() == ReminderKind.OLD_CREDENTIAL_EXPIRING);
    }

    @Test
    void onlyAdminsRotateForNowAndUnknownAppsAreNamed() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");

        assertThat(alice.says("rotate Vonage_Prod").text()).contains("You may not run `rotate`: it needs the admin role");
        assertThat(alice.says("revoke-old Vonage_Prod").text()).contains("You may not run `revoke-old`: it needs the admin role");
        assertThat(admin.says("rotate Vonage").text()).contains("No app called Vonage", "Did you mean Vonage_Prod?");
        assertThat(admin.says("rotate").text()).contains("Say \"rotate <api-name>\"");
    }
}
