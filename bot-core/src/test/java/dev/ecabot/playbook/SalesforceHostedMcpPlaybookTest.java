package dev.ecabot.playbook;

import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.eca.TrustedIpRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.ecabot.eca.EcaComponentType.GLOBAL_OAUTH;
import static dev.ecabot.eca.EcaComponentType.OAUTH_POLICIES;
import static dev.ecabot.eca.EcaComponentType.OAUTH_SETTINGS;
import static dev.ecabot.playbook.ShippedPlaybooks.answers;
import static dev.ecabot.playbook.ShippedPlaybooks.playbook;
import static dev.ecabot.playbook.ShippedPlaybooks.render;
import static dev.ecabot.playbook.ShippedPlaybooks.rendered;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001: Salesforce's guide for the ECA of an MCP client of Salesforce's hosted MCP servers. */
class SalesforceHostedMcpPlaybookTest {

    private static final String ID = "salesforce-hosted-mcp";

    @ParameterizedTest
    @CsvSource({
            "postman, https://oauth.pstmn.io/v1/callback",
            "postman-browser, https://oauth.pstmn.io/v1/browser-callback",
            "cursor, cursor://anysphere.cursor-mcp/oauth/callback",
            "claude, https://claude.ai/api/mcp/auth_callback"})
    void eachKnownClientGetsTheCallbackUrlTheGuideNames(String client, String callback) {
        Rendering r = rendered(ID, "mcp_client", client);

        assertThat(r.spec().globalOauth().callbackUrls()).containsExactly(callback);
    }

    @Test
    void withoutHardeningTheAppHasExactlyTheGuidesSecuritySettings() {
        Rendering r = rendered(ID, "mcp_client", "claude");

        assertThat(r.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://claude.ai/api/mcp/auth_callback")
                .namedUserJwtEnabled(true)
                .pkceRequired(true)
                .secretRequiredForWebServerFlow(false)
                .secretRequiredForRefreshToken(false)
                .clientCredentialsFlowEnabled(false)
                .codeCredFlowEnabled(false)
                .refreshTokenRotationEnabled(false)
                .build());
        assertThat(r.spec().oauth()).isEqualTo(OauthSettings.of(List.of(OauthScope.MCP, OauthScope.REFRESH_TOKEN)));
        assertThat(r.spec().policies()).isEqualTo(OauthPolicies.defaults());
        assertThat(r.delivery()).isEqualTo(Delivery.KEY_ONLY);
        assertThat(r.activationDelay()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.reminders()).isEmpty();
    }

    @Test
    void theWrittenMetadataTurnsEveryOtherSecurityOptionOff(@TempDir Path dir) {
        WrittenMetadata files = WrittenMetadata.write(rendered(ID, "mcp_client", "cursor").spec(), dir);

        assertThat(files.callbackUrls()).containsExactly("cursor://anysphere.cursor-mcp/oauth/callback");
        assertThat(files.value(OAUTH_SETTINGS, "commaSeparatedOauthScopes")).isEqualTo("MCP, RefreshToken");
        assertThat(files.value(GLOBAL_OAUTH, "isNamedUserJwtEnabled")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isPkceRequired")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isConsumerSecretOptional")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isSecretRequiredForRefreshToken")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isClientCredentialsFlowEnabled")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isCodeCredFlowEnabled")).isEqualTo("false");
        assertThat(files.value(OAUTH_POLICIES, "permittedUsersPolicyType")).isEqualTo("AllSelfAuthorized");
        // the seed is silent: what a real org gives a new app (retrieved files), 365 days
        assertThat(files.value(OAUTH_POLICIES, "refreshTokenPolicyType")).isEqualTo("SpecificLifetime");
        assertThat(files.value(OAUTH_POLICIES, "refreshTokenValidityPeriod")).isEqualTo("365");
    }

    @Test
    void chatGptAndOtherClientsAreAskedForTheirCallbackUrl() {
        Playbook playbook = playbook(ID);
        Question callback = playbook.question("callback_url").orElseThrow();
        Answers chatgpt = Answers.empty().with("mcp_client", new Answer("chatgpt", "chatgpt"));
        Answers claude = Answers.empty().with("mcp_client", new Answer("claude", "claude"));

        assertThat(callback.isAsked(chatgpt)).isTrue();
        assertThat(callback.isAsked(claude)).isFalse();
        assertThat(rendered(ID, "mcp_client", "chatgpt", "callback_url", "https://chatgpt.com/connector_platform_oauth_redirect")
                .spec().globalOauth().callbackUrls()).containsExactly("https://chatgpt.com/connector_platform_oauth_redirect");
        assertThat(render(ID, answers("mcp_client", "other")).problems())
                .extracting(Problem::toString).containsExactly("callback_url: an answer is required (What callback URL does your MCP client use?)");
    }

    @Test
    void aCallbackUrlGivenForAClientThatDoesNotNeedOneIsRefused() {
        assertThat(render(ID, answers("mcp_client", "cursor", "callback_url", "https://x.example.com/cb")).problems())
                .extracting(Problem::field).containsExactly("callback_url");
    }

    @Test
    void anotherClientMayUseACustomSchemeButNeverPlainHttp() {
        assertThat(rendered(ID, "mcp_client", "other", "callback_url", "myclient://oauth/callback")
                .spec().globalOauth().callbackUrls()).containsExactly("myclient://oauth/callback");
        assertThat(render(ID, answers("mcp_client", "other", "callback_url", "http://x.example.com/cb")).problems())
                .extracting(Problem::toString)
                .containsExactly("callback_url: 'http://x.example.com/cb' uses http; use https (http is accepted only for localhost)");
    }

    @Test
    void requiringASecretDeliversItAndWarnsForDesktopClients() {
        Rendering web = rendered(ID, "mcp_client", "claude", "require_secret", "yes");
        Rendering desktop = rendered(ID, "mcp_client", "cursor", "require_secret", "yes");

        assertThat(web.spec().globalOauth().secretRequiredForWebServerFlow()).isTrue();
        assertThat(web.delivery()).isEqualTo(Delivery.KEY_AND_SECRET);
        assertThat(web.warnings()).isEmpty();
        assertThat(desktop.warnings()).singleElement().asString().contains("cursor is a desktop application", "decompilation");
        assertThat(web.nextSteps()).anyMatch(s -> s.contains("consumer secret"));
    }

    @Test
    void aPermissionSetPreAuthorisesOnlyItsUsersAndBecomesAManualStep() {
        Rendering r = rendered(ID, "mcp_client", "claude", "permission_set", "MCP_Users");

        assertThat(r.spec().policies().permittedUsers()).isEqualTo(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED);
        assertThat(r.spec().policies().permissionSets()).containsExactly("MCP_Users");
        assertThat(r.manualSteps()).anyMatch(s -> s.contains("permission set MCP_Users exists"));
    }

    @Test
    void trustedIpRangesAreSetWithTheGuidesWarning() {
        Rendering r = rendered(ID, "mcp_client", "claude", "trusted_ip_ranges", "160.79.104.0-160.79.104.255, 34.162.46.92");

        assertThat(r.spec().oauth().trustedIpRanges()).containsExactly(
                new TrustedIpRange("160.79.104.0", "160.79.104.255", null),
                new TrustedIpRange("34.162.46.92", "34.162.46.92", null));
        assertThat(r.warnings()).singleElement().asString().contains("exceed Salesforce's allowlist capacity");
    }

    @Test
    void aRefreshTokenValidityInDaysTurnsOnRotationAndSchedulesAReminder() {
        Rendering r = rendered(ID, "mcp_client", "claude", "refresh_token_days", "30");

        assertThat(r.spec().policies().refreshTokenPolicy()).isEqualTo(RefreshTokenPolicy.SPECIFIC_LIFETIME);
        assertThat(r.spec().policies().refreshTokenValidityPeriod()).isEqualTo(30);
        assertThat(r.spec().policies().refreshTokenValidityUnit()).isEqualTo(RefreshTokenValidityUnit.DAYS);
        assertThat(r.spec().globalOauth().refreshTokenRotationEnabled()).isTrue();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.reminders()).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo("refresh-token-expiry");
            assertThat(reminder.after()).isEqualTo(Duration.ofDays(27));
            assertThat(reminder.text()).contains("30 days", "Acme Integration");
        });
    }

    @Test
    void theRefreshReminderNamesTheClientByItsLabelAndPromisesNoOtherLeadThanItsNotice() {
        Rendering r = rendered(ID, "mcp_client", "chatgpt", "callback_url", "https://chatgpt.com/connector_platform_oauth_redirect",
                "refresh_token_days", "45");

        assertThat(r.reminders()).singleElement().satisfies(reminder -> {
            assertThat(reminder.after()).as("45 days less the 3-day notice").isEqualTo(Duration.ofDays(42));
            assertThat(reminder.notice()).isEqualTo(Duration.ofDays(3));
            assertThat(reminder.text()).contains("first users of ChatGPT").doesNotContain("chatgpt", "about 3 days");
        });
    }

    @Test
    void aRefreshTokenValidityAboveThirtyDaysIsWarnedAbout() {
        assertThat(rendered(ID, "mcp_client", "claude", "refresh_token_days", "90").warnings())
                .singleElement().asString().contains("90 days", "30 days or less");
    }

    @Test
    void singleLogoutIsAManualStepBecauseTheMetadataHasNoFieldForIt() {
        assertThat(rendered(ID, "mcp_client", "claude", "single_logout", "yes").manualSteps())
                .anyMatch(s -> s.contains("enable Single Logout") && s.contains("no field"));
        assertThat(rendered(ID, "mcp_client", "claude").manualSteps())
                .noneMatch(s -> s.contains("Single Logout"));
    }

    @Test
    void nextStepsFollowTheChosenClient() {
        assertThat(rendered(ID, "mcp_client", "chatgpt", "callback_url", "https://chatgpt.com/cb").nextSteps())
                .anyMatch(s -> s.contains("In ChatGPT"))
                .anyMatch(s -> s.contains("up to 30 minutes"));
        assertThat(rendered(ID, "mcp_client", "claude").nextSteps()).noneMatch(s -> s.contains("In ChatGPT"));
    }
}
