package dev.ecabot.eca;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsBuildersTest {

    @Test
    void globalSettingsBuilderStartsFromSalesforceDefaults() {
        GlobalOauthSettings built = GlobalOauthSettings.builder().build();

        assertThat(built).isEqualTo(new GlobalOauthSettings(List.of(), null, true, false, true, false, false,
                false, false, false, false, false, false, false));
        assertThat(built.secretRequiredForWebServerFlow()).isTrue();
    }

    @Test
    void globalSettingsBuilderSetsEachCheckbox() {
        GlobalOauthSettings built = GlobalOauthSettings.builder()
                .callbackUrls("https://a.example.com/cb", "https://b.example.com/cb")
                .certificate("MIIB")
                .pkceRequired(false)
                .secretRequiredForWebServerFlow(false)
                .secretRequiredForRefreshToken(false)
                .refreshTokenRotationEnabled(true)
                .namedUserJwtEnabled(true)
                .clientCredentialsFlowEnabled(true)
                .codeCredFlowEnabled(true)
                .codeCredPostOnly(true)
                .deviceFlowEnabled(true)
                .tokenExchangeEnabled(true)
                .secretRequiredForTokenExchange(true)
                .introspectAllTokens(true)
                .build();

        assertThat(built).isEqualTo(new GlobalOauthSettings(
                List.of("https://a.example.com/cb", "https://b.example.com/cb"), "MIIB",
                false, true, false, true, true, true, true, true, true, true, true, true));
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.toBuilder().pkceRequired(true).build().pkceRequired()).isTrue();
    }

    @Test
    void policiesBuilderStartsFromSalesforceDefaults() {
        OauthPolicies built = OauthPolicies.builder().build();

        assertThat(built.permittedUsers()).isEqualTo(PermittedUsers.ALL_SELF_AUTHORIZED);
        assertThat(built.ipRelaxation()).isEqualTo(IpRelaxation.ENFORCE);
        // a real org gives a new app SpecificLifetime, 365 Days (retrieved files), not Infinite
        assertThat(built.refreshTokenPolicy()).isEqualTo(RefreshTokenPolicy.SPECIFIC_LIFETIME);
        assertThat(built.refreshTokenValidityPeriod()).isEqualTo(365);
        assertThat(built.refreshTokenValidityUnit()).isEqualTo(RefreshTokenValidityUnit.DAYS);
        assertThat(built.requiredSessionLevel()).isEqualTo(SessionLevel.STANDARD);
        assertThat(built.clientCredentialsFlowEnabled()).isFalse();
        assertThat(built.customScopes()).isEmpty();
        assertThat(built).isEqualTo(OauthPolicies.defaults());
    }

    @Test
    void policiesBuilderRoundTripsThroughToBuilder() {
        OauthPolicies built = OauthPolicies.builder()
                .permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                .permissionSets("Sync_Users")
                .profiles("System Administrator")
                .ipRelaxation(IpRelaxation.BYPASS)
                .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS)
                .clientCredentialsFlowEnabled(true)
                .clientCredentialsFlowUser("sync@example.com")
                .requiredSessionLevel(SessionLevel.HIGH_ASSURANCE)
                .policyAction(PolicyAction.RAISE_SESSION_LEVEL)
                .sessionTimeoutInMinutes(120)
                .singleLogoutUrl("https://example.com/logout")
                .startUrl("https://example.com/start")
                .tokenExchangeFlowEnabled(true)
                .customScopes("read_orders")
                .build();

        assertThat(built.refreshTokenValidityPeriod()).isEqualTo(30);
        assertThat(built.refreshTokenValidityUnit()).isEqualTo(RefreshTokenValidityUnit.DAYS);
        assertThat(built.customScopes()).containsExactly("read_orders");
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.toBuilder().ipRelaxation(null).build().ipRelaxation()).isEqualTo(IpRelaxation.ENFORCE);
    }
}
