package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.emulator.EmulatedOrg;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional "test it" step of a client credentials app: an admin has the bot request a token as the app's run-as
 * user at the org's token endpoint and hears whether Salesforce issued one, or exactly why not. No token is shown.
 */
class TestItConversationTest {

    private static final Map<String, String> BILLING_SYNC = Map.of("app_name", "Billing Sync", "flows",
            "client-credentials", "run_as_user", "integration@acme.example.org", "contact_email", "ops@example.com");

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(new RolesConfig(
            List.of(Grantee.parse("test:*")), List.of(), List.of(Grantee.parse("test:dave")))));
    private final EmulatedOrg org = bot.emulatedOrg().emulator().org();
    private final Person alice = bot.chat().as("alice");
    private final Person dave = bot.chat().as("dave");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anAdminHearsThatSalesforceIssuedATokenAsTheRunAsUserAndNoTokenOrSecretIsShown() {
        provisionBillingSync();
        assertThat(alice.everything().text()).as("offered after provisioning")
                .contains("Optional test, once it is usable: an admin says \"test Billing_Sync demo\"");

        dave.says("test Billing_Sync");
        String said = dave.awaits("It works").text();
        assertThat(said).contains("Salesforce issued a client credentials token for Billing_Sync as"
                + " integration@acme.example.org", "/services/oauth2/token", "I did not keep or show the token");
        String secret = org.consumer("Billing_Sync").orElseThrow().secret();
        assertThat(dave.everything().text()).doesNotContain(secret).doesNotContain("access_token");
        assertThat(dave.says("audit Billing_Sync").text()).contains("client credentials token issued (not kept)");
    }

    @Test
    void anAppNotYetActiveIsReportedAsNotUsableYetInSalesforcesWords() {
        org.clientActivationDelay(Duration.ofHours(1));
        provisionBillingSync();

        dave.says("test Billing_Sync demo");
        assertThat(dave.awaits("Salesforce refused the client credentials token").text()).contains(
                "(invalid_client_id: client identifier invalid)", "The app is not usable yet",
                "up to 30 minutes", "say \"test Billing_Sync demo\" again later");
        assertThat(dave.says("audit Billing_Sync").text()).contains("client credentials token refused: invalid_client_id");
    }

    @Test
    void aRunAsUserThatIsNotApiOnlyIsAdvisedAlongsideTheResult() {
        org.directory().addUser("integration@acme.example.org", true, false);
        provisionBillingSync();

        dave.says("test Billing_Sync");
        assertThat(dave.awaits("It works").text()).contains("does not have the API Only permission",
                "\"API Only User\"");
    }

    @Test
    void anAppWithoutClientCredentialsHasNothingToTestAndRequestersMayNotTest() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod"));
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
        assertThat(alice.everything().text()).doesNotContain("Optional test");

        assertThat(dave.says("test Vonage_Prod").text()).contains("does not use the client credentials flow");
        assertThat(alice.says("test Vonage_Prod").text()).contains("You may not run `test`");
        assertThat(dave.says("test").text()).contains("Say \"test <api-name>\"");
    }

    @Test
    void whenTheBotMayNotReadTheSecretOrTheOrgIsDownTheAdminIsToldAndNothingIsRecordedAsIssued() {
        provisionBillingSync();
        org.userCanViewClientSecrets(false);
        dave.says("test Billing_Sync");
        assertThat(dave.awaits("View Client Secret").text()).doesNotContain("It works");

        org.userCanViewClientSecrets(true);
        bot.emulatedOrg().emulator().faults().failNextRequests(50, 503);
        dave.says("test Billing_Sync");
        dave.awaits("503");
        bot.emulatedOrg().emulator().faults().failNextRequests(0, 503);
        assertThat(dave.everything().text()).doesNotContain("It works");
        assertThat(dave.says("audit Billing_Sync").text()).doesNotContain("token issued");
    }

    private void provisionBillingSync() {
        Walks.toTheSummary(alice, "custom", "demo", BILLING_SYNC);
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9");
    }
}
