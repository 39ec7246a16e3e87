package dev.ecabot.conversation.inventory;

import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code delete} against the emulated demo org: admins only, confirmed first, then gone everywhere it should be. */
class DeleteConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");
    private final Person alice = bot.chat().as("alice");
    private final InventoryAppRepository inventory = new InventoryAppRepository(bot.database().dataSource());

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aConfirmedDeleteRemovesTheAppFromTheOrgKeepsItAsDeletedAndCancelsItsReminders() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod")).isNotEmpty();

        Confirmation asked = admin.says("delete Vonage_Prod").last(Confirmation.class);
        assertThat(admin.everything().text()).contains("Delete Vonage Prod (Vonage_Prod) from demo?", "cannot be undone",
                "Requested by: test:alice");
        assertThat(bot.orgClients().forOrg("demo").apps().find("Vonage_Prod")).isPresent();

        admin.presses(asked.id(), Confirmation.CONFIRM);
        assertThat(admin.awaits("Deleted Vonage_Prod from demo").text()).contains("1 reminder cancelled");

        assertThat(bot.orgClients().forOrg("demo").apps().find("Vonage_Prod")).isEmpty();
        assertThat(inventory.find("demo", "Vonage_Prod").orElseThrow().status()).isEqualTo(AppStatus.DELETED);
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod")).isEmpty();
        assertThat(admin.says("audit Vonage_Prod").text()).contains("deletion by test:admin", "deleted from the org");
        assertThat(admin.says("delete Vonage_Prod").text()).contains("already deleted");
    }

    @Test
    void theReasonGivenAfterBecauseReachesTheAuditTrailThoughNoApprovalIsNeeded() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");

        Confirmation asked = admin.says("delete Vonage_Prod because the voice bot is retired").last(Confirmation.class);
        admin.presses(asked.id(), Confirmation.CONFIRM);
        admin.awaits("Deleted Vonage_Prod from demo");

        assertThat(admin.says("audit Vonage_Prod").text()).contains("deletion by test:admin",
                "reason: the voice bot is retired");
    }

    @Test
    void keepingItChangesNothing() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        admin.says("delete Vonage_Prod");

        assertThat(admin.picks(Confirmation.CANCEL).text()).contains("Not deleted: Vonage_Prod stays as it is.");
        assertThat(bot.orgClients().forOrg("demo").apps().find("Vonage_Prod")).isPresent();
        assertThat(inventory.find("demo", "Vonage_Prod").orElseThrow().status()).isEqualTo(AppStatus.ACTIVE);
    }

    @Test
    void nonAdminsMayNotDeleteNotEvenByPressingAnAdminsConfirmButton() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");

        assertThat(alice.says("delete Vonage_Prod").text()).contains("You may not run `delete`", "admin");
        Confirmation asked = admin.says("delete Vonage_Prod").last(Confirmation.class);
        assertThat(alice.presses(asked.id(), Confirmation.CONFIRM).text()).contains("You may not run `delete`");
        assertThat(alice.says("delete Vonage_Prod confirm").text()).contains("You may not run `delete`");
        assertThat(bot.orgClients().forOrg("demo").apps().find("Vonage_Prod")).isPresent();
    }

    @Test
    void anAppAlreadyGoneFromTheOrgIsStillMarkedDeleted() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        bot.orgClients().forOrg("demo").deleteApp("Vonage_Prod", DeployProgressListener.NONE);

        admin.says("delete Vonage_Prod confirm");

        assertThat(admin.awaits("no longer had Vonage_Prod").text()).contains("demo no longer had Vonage_Prod; it is marked deleted.");
        assertThat(inventory.find("demo", "Vonage_Prod").orElseThrow().status()).isEqualTo(AppStatus.DELETED);
    }

    @Test
    void anUnknownAppIsNamedWithWhereToLook() {
        assertThat(admin.says("delete Nope_App").text()).contains("No app called Nope_App is in the inventory",
                "\"inventory\"");
        assertThat(admin.says("delete").text()).contains("Say \"delete <api-name>\"");
    }
}
