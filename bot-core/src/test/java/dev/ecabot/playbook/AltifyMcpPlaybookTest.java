package dev.ecabot.playbook;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.ecabot.eca.EcaComponentType.APP;
import static dev.ecabot.eca.EcaComponentType.GLOBAL_OAUTH;
import static dev.ecabot.eca.EcaComponentType.OAUTH_POLICIES;
import static dev.ecabot.eca.EcaComponentType.OAUTH_SETTINGS;
import static dev.ecabot.playbook.ShippedPlaybooks.rendered;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000: Altify's guide for the ECA its MCP servers use from ChatGPT. */
class AltifyMcpPlaybookTest {

    static final List<String> CALLBACKS = List.of(
            "https://account.mcp.altify.dev/callback",
            "https://write.mcp.altify.dev/callback",
            "https://salesforce.mcp.altify.dev/callback",
            "https://retrieve.mcp.altify.dev/callback",
            "https://analysis.mcp.altify.dev/callback",
            "https://account.mcp.altify.dev/test.salesforce.com/callback",
            "https://write.mcp.altify.dev/test.salesforce.com/callback",
            "https://salesforce.mcp.altify.dev/test.salesforce.com/callback",
            "https://retrieve.mcp.altify.dev/test.salesforce.com/callback",
            "https://analysis.mcp.altify.dev/test.salesforce.com/callback");

    @Test
    void producesExactlyTheSettingsOfAltifysGuide() {
        Rendering r = rendered("altify-mcp", "description", "ChatGPT to Altify");

        assertThat(r.spec().app()).isEqualTo(new AppInfo("Acme_Integration", "Acme Integration",
                "admins@acme.example.com", null, "ChatGPT to Altify", DistributionState.LOCAL, null, null));
        assertThat(r.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls(CALLBACKS)
                .secretRequiredForWebServerFlow(true)
                .pkceRequired(true)
                .refreshTokenRotationEnabled(true)
                .build());
        assertThat(r.spec().oauth()).isEqualTo(OauthSettings.of(List.of(
                OauthScope.BASIC, OauthScope.API, OauthScope.REFRESH_TOKEN, OauthScope.OPEN_ID)));
        assertThat(r.spec().policies()).isEqualTo(OauthPolicies.builder()
                .ipRelaxation(IpRelaxation.ENFORCE_RELAX_REFRESH)
                .build());
    }

    @Test
    void theWrittenMetadataCarriesEverySettingOfTheGuide(@TempDir Path dir) {
        WrittenMetadata files = WrittenMetadata.write(rendered("altify-mcp").spec(), dir);

        assertThat(files.value(APP, "distributionState")).isEqualTo("Local");
        assertThat(files.value(APP, "label")).isEqualTo("Acme Integration");
        assertThat(files.value(APP, "contactEmail")).isEqualTo("admins@acme.example.com");
        assertThat(files.callbackUrls()).containsExactlyElementsOf(CALLBACKS);
        assertThat(files.value(OAUTH_SETTINGS, "commaSeparatedOauthScopes")).isEqualTo("Basic, Api, RefreshToken, OpenID");
        assertThat(files.value(GLOBAL_OAUTH, "isConsumerSecretOptional")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isPkceRequired")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isRefreshTokenRotationEnabled")).isEqualTo("true");
        assertThat(files.value(OAUTH_POLICIES, "ipRelaxationPolicyType")).isEqualTo("Enforce_RelaxRefresh");
    }

    @Test
    void deliversKeyAndSecretAndTellsTheRequesterToConfigureChatGpt() {
        Rendering r = rendered("altify-mcp");

        assertThat(r.delivery()).isEqualTo(Delivery.KEY_AND_SECRET);
        assertThat(r.activationDelay()).isEqualTo(Duration.ZERO);
        assertThat(r.approvalRequired()).as("the seed is silent: the org policy decides").isFalse();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.reminders()).isEmpty();
        assertThat(String.join("\n", r.nextSteps())).contains("ChatGPT", "Client ID", "Client Secret", "Acme Integration");
    }
}
