package dev.ecabot.playbook;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.eca.RefreshTokenPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.ecabot.eca.EcaComponentType.APP;
import static dev.ecabot.eca.EcaComponentType.GLOBAL_OAUTH;
import static dev.ecabot.eca.EcaComponentType.OAUTH_POLICIES;
import static dev.ecabot.eca.EcaComponentType.OAUTH_SETTINGS;
import static dev.ecabot.playbook.ShippedPlaybooks.rendered;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004: Vonage AI Studio's guide. */
class VonageAiStudioPlaybookTest {

    private static final String ID = "vonage-ai-studio";

    @Test
    void producesExactlyTheSettingsOfVonagesGuide() {
        Rendering r = rendered(ID);

        assertThat(r.spec().app()).isEqualTo(AppInfo.local("Acme_Integration", "Acme Integration", "admins@acme.example.com"));
        assertThat(r.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://api-eu.vonage.com/oauth/redirect")
                .secretRequiredForWebServerFlow(true)
                .secretRequiredForRefreshToken(true)
                .pkceRequired(false)
                .build());
        assertThat(r.spec().globalOauth().clientCredentialsFlowEnabled()).isFalse();
        assertThat(r.spec().globalOauth().codeCredFlowEnabled()).isFalse();
        assertThat(r.spec().globalOauth().deviceFlowEnabled()).isFalse();
        assertThat(r.spec().globalOauth().tokenExchangeEnabled()).isFalse();
        assertThat(r.spec().globalOauth().jwtBearerEnabled()).isFalse();
        assertThat(r.spec().oauth()).isEqualTo(OauthSettings.of(List.of(OauthScope.API, OauthScope.FULL, OauthScope.REFRESH_TOKEN)));
        assertThat(r.spec().policies()).isEqualTo(OauthPolicies.builder()
                .permittedUsers(PermittedUsers.ALL_SELF_AUTHORIZED)
                .refreshTokenPolicy(RefreshTokenPolicy.INFINITE)
                .ipRelaxation(IpRelaxation.BYPASS)
                .build());
        assertThat(r.delivery()).isEqualTo(Delivery.KEY_AND_SECRET);
        assertThat(r.reminders()).isEmpty();
    }

    @Test
    void theWrittenMetadataCarriesEverySettingOfTheGuide(@TempDir Path dir) {
        WrittenMetadata files = WrittenMetadata.write(rendered(ID).spec(), dir);

        assertThat(files.value(APP, "distributionState")).isEqualTo("Local");
        assertThat(files.callbackUrls()).containsExactly("https://api-eu.vonage.com/oauth/redirect");
        assertThat(files.value(OAUTH_SETTINGS, "commaSeparatedOauthScopes")).isEqualTo("Api, Full, RefreshToken");
        assertThat(files.value(GLOBAL_OAUTH, "isClientCredentialsFlowEnabled")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isCodeCredFlowEnabled")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isDeviceFlowEnabled")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isTokenExchangeEnabled")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "certificate")).isNull();
        assertThat(files.value(GLOBAL_OAUTH, "isConsumerSecretOptional")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isSecretRequiredForRefreshToken")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isPkceRequired")).isEqualTo("false");
        assertThat(files.value(OAUTH_POLICIES, "permittedUsersPolicyType")).isEqualTo("AllSelfAuthorized");
        assertThat(files.value(OAUTH_POLICIES, "refreshTokenPolicyType")).isEqualTo("Infinite");
        assertThat(files.value(OAUTH_POLICIES, "ipRelaxationPolicyType")).isEqualTo("Bypass");
    }

    @Test
    void theRequesterIsToldToUseTheEuCallbackInTheVonageDashboard() {
        assertThat(rendered(ID).nextSteps()).singleElement().asString()
                .contains("Vonage API Dashboard", "https://api-eu.vonage.com/oauth/redirect");
    }
}
