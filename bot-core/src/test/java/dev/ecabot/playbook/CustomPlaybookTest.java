package dev.ecabot.playbook;

import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.eca.PolicyAction;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.eca.SessionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static dev.ecabot.eca.EcaComponentType.APP;
import static dev.ecabot.eca.EcaComponentType.GLOBAL_OAUTH;
import static dev.ecabot.eca.EcaComponentType.OAUTH_POLICIES;
import static dev.ecabot.eca.EcaComponentType.OAUTH_SETTINGS;
import static dev.ecabot.playbook.ShippedPlaybooks.answers;
import static dev.ecabot.playbook.ShippedPlaybooks.render;
import static dev.ecabot.playbook.ShippedPlaybooks.rendered;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003: the general guide, every choice a question. */
class CustomPlaybookTest {

    private static final String ID = "custom";
    private static final String[] MINIMAL = {"callback_urls", "https://app.acme.example.com/oauth/callback", "scopes", "Api, RefreshToken"};

    private static Rendering custom(String... more) {
        return rendered(ID, withMinimal(more));
    }

    static String certificate() {
        try (InputStream in = CustomPlaybookTest.class.getResourceAsStream("/playbook/jwt-bearer-cert.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSingleLogoutUrlIsWrittenToTheOauthSettings() {
        Rendering r = custom("single_logout_url", "https://app.acme.example.com/logout");
        assertThat(r.spec().oauth().singleLogoutUrl()).isEqualTo("https://app.acme.example.com/logout");
    }

    @Test
    void withOnlyTheRequiredAnswersEverySettingKeepsSalesforcesDefault() {
        Rendering r = custom();

        assertThat(r.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://app.acme.example.com/oauth/callback").build());
        assertThat(r.spec().oauth().scopes()).containsExactly(OauthScope.API, OauthScope.REFRESH_TOKEN);
        // the playbook's own default answer is "valid until revoked"; everything else is what a real org gives a new app
        assertThat(r.spec().policies()).isEqualTo(OauthPolicies.builder().refreshTokenPolicy(RefreshTokenPolicy.INFINITE).build());
        assertThat(r.spec().oauth().singleLogoutUrl()).isNull();
        assertThat(r.delivery()).isEqualTo(Delivery.KEY_AND_SECRET);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void scopesCanBeGivenByTokenOrBySetupLabel() {
        assertThat(custom("scopes", "Full access (full)").spec().oauth().scopes()).containsExactly(OauthScope.FULL);
        assertThat(custom("scopes", "full, api, refreshtoken, openid, basic, custompermissions").spec().oauth().scopes())
                .containsExactly(OauthScope.FULL, OauthScope.API, OauthScope.REFRESH_TOKEN, OauthScope.OPEN_ID,
                        OauthScope.BASIC, OauthScope.CUSTOM_PERMISSIONS);
    }

    @Test
    void clientCredentialsAreEnabledInBothPlacesWithTheRunAsUser() {
        Rendering r = custom("flows", "client-credentials", "run_as_user", "api@acme.example.com");

        assertThat(r.spec().globalOauth().clientCredentialsFlowEnabled()).isTrue();
        assertThat(r.spec().policies().clientCredentialsFlowEnabled()).isTrue();
        assertThat(r.spec().policies().clientCredentialsFlowUser()).isEqualTo("api@acme.example.com");
        assertThat(r.manualSteps()).anyMatch(s -> s.contains("api@acme.example.com has the API Only permission"));
    }

    @Test
    void theRunAsUserIsAskedOnlyForClientCredentials() {
        assertThat(render(ID, answers(withMinimal("flows", "client-credentials"))).problems())
                .extracting(Problem::field).containsExactly("run_as_user");
        assertThat(render(ID, answers(withMinimal("flows", "device", "run_as_user", "api@acme.example.com"))).problems())
                .extracting(Problem::field).containsExactly("run_as_user");
    }

    @Test
    void jwtBearerUploadsTheCertificate(@TempDir Path dir) {
        Rendering r = custom("flows", "jwt-bearer", "certificate", certificate());

        assertThat(r.spec().globalOauth().jwtBearerEnabled()).isTrue();
        assertThat(r.spec().globalOauth().certificate()).isEqualTo(certificate());
        assertThat(WrittenMetadata.write(r.spec(), dir).value(GLOBAL_OAUTH, "certificate")).contains("BEGIN CERTIFICATE");
    }

    @Test
    void aPrivateKeyOrGarbageIsNotACertificate() {
        assertThat(render(ID, answers(withMinimal("flows", "jwt-bearer", "certificate",
                "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----"))).problems())
                .extracting(Problem::field).containsExactly("certificate");
        assertThat(render(ID, answers(withMinimal("flows", "jwt-bearer", "certificate",
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----"))).problems())
                .extracting(Problem::field).containsExactly("certificate");
    }

    @Test
    void deviceAndTokenExchangeFlowsAreSwitchedOn() {
        Rendering r = custom("flows", "authorization-code, device, token-exchange");

        assertThat(r.spec().globalOauth().pkceRequired()).isTrue();
        assertThat(r.spec().globalOauth().deviceFlowEnabled()).isTrue();
        assertThat(r.spec().globalOauth().tokenExchangeEnabled()).isTrue();
        assertThat(r.spec().policies().tokenExchangeFlowEnabled()).isTrue();
    }

    @Test
    void usernamePasswordIsAllowedOnlyWithTheDeprecationWarning() {
        Rendering r = custom("flows", "username-password");

        assertThat(r.warnings()).singleElement().asString().contains("deprecation-flagged", "client credentials or JWT bearer");
        assertThat(r.manualSteps()).anyMatch(s -> s.contains("Allow OAuth Username-Password Flows"));
    }

    @Test
    void refreshTokensCanLiveUntilRevokedForAWhileOrNotAtAll(@TempDir Path dir) {
        assertThat(custom("refresh_token_policy", "until-revoked").spec().policies().refreshTokenPolicy())
                .isEqualTo(RefreshTokenPolicy.INFINITE);
        assertThat(custom("refresh_token_policy", "immediately").spec().policies().refreshTokenPolicy())
                .isEqualTo(RefreshTokenPolicy.ZERO);

        Rendering months = custom("refresh_token_policy", "lifetime", "refresh_token_validity", "6",
                "refresh_token_unit", "months", "refresh_token_rotation", "yes");
        assertThat(months.spec().policies().refreshTokenPolicy()).isEqualTo(RefreshTokenPolicy.SPECIFIC_LIFETIME);
        assertThat(months.spec().policies().refreshTokenValidityPeriod()).isEqualTo(6);
        assertThat(months.spec().policies().refreshTokenValidityUnit()).isEqualTo(RefreshTokenValidityUnit.MONTHS);
        assertThat(months.spec().globalOauth().refreshTokenRotationEnabled()).isTrue();
        assertThat(months.reminders()).singleElement().satisfies(rem ->
                assertThat(rem.after()).isEqualTo(Duration.ofDays(180 - 3)));
        WrittenMetadata files = WrittenMetadata.write(months.spec(), dir);
        assertThat(files.value(OAUTH_POLICIES, "refreshTokenPolicyType")).isEqualTo("SpecificLifetime");
        assertThat(files.value(OAUTH_POLICIES, "refreshTokenValidityPeriod")).isEqualTo("6");
        assertThat(files.value(OAUTH_POLICIES, "refreshTokenValidityUnit")).isEqualTo("Months");
    }

    @Test
    void hoursDefaultToDaysAndAreAskedOnlyForALifetime() {
        assertThat(custom("refresh_token_policy", "lifetime", "refresh_token_validity", "12").spec().policies()
                .refreshTokenValidityUnit()).isEqualTo(RefreshTokenValidityUnit.DAYS);
        assertThat(render(ID, answers(withMinimal("refresh_token_policy", "lifetime"))).problems())
                .extracting(Problem::field).containsExactly("refresh_token_validity");
    }

    @Test
    void ipRelaxationOtherThanEnforceWarnsThatItOverridesOrgRestrictions() {
        Rendering r = custom("ip_relaxation", "Relax IP restrictions");

        assertThat(r.spec().policies().ipRelaxation()).isEqualTo(IpRelaxation.BYPASS);
        assertThat(r.warnings()).singleElement().asString().contains("overrides the org-wide IP restrictions");
    }

    @Test
    void highAssuranceMeansMfaWithTheChosenAction(@TempDir Path dir) {
        Rendering r = custom("session_level", "HIGH_ASSURANCE");

        assertThat(r.spec().policies().requiredSessionLevel()).isEqualTo(SessionLevel.HIGH_ASSURANCE);
        assertThat(r.spec().policies().policyAction()).isEqualTo(PolicyAction.RAISE_SESSION_LEVEL);
        WrittenMetadata files = WrittenMetadata.write(r.spec(), dir);
        assertThat(files.value(OAUTH_POLICIES, "requiredSessionLevel")).isEqualTo("HIGH_ASSURANCE");
        assertThat(files.value(OAUTH_POLICIES, "policyAction")).isEqualTo("RaiseSessionLevel");
        assertThat(custom("session_level", "HIGH_ASSURANCE", "session_level_action", "block").spec().policies()
                .policyAction()).isEqualTo(PolicyAction.BLOCK);
    }

    @Test
    void preAuthorisedUsersComeWithTheGenericAuthFailureWarning(@TempDir Path dir) {
        Rendering r = custom("permitted_users", "AdminApprovedPreAuthorized",
                "permission_sets", "Acme_Integration_Users, Acme_Admins", "profiles", "System Administrator");

        assertThat(r.spec().policies().permittedUsers()).isEqualTo(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED);
        assertThat(r.spec().policies().permissionSets()).containsExactly("Acme_Integration_Users", "Acme_Admins");
        assertThat(r.spec().policies().profiles()).containsExactly("System Administrator");
        assertThat(r.warnings()).singleElement().asString().contains("generic authentication failure");
        assertThat(r.manualSteps()).anyMatch(s -> s.contains("Acme_Integration_Users, Acme_Admins"));
        WrittenMetadata files = WrittenMetadata.write(r.spec(), dir);
        assertThat(files.value(OAUTH_POLICIES, "commaSeparatedPermissionSet")).isEqualTo("Acme_Integration_Users,Acme_Admins");
        assertThat(files.value(OAUTH_POLICIES, "commaSeparatedProfile")).isEqualTo("System Administrator");
    }

    @Test
    void preAuthorisationWithNobodyNamedIsRefusedOnThePermittedUsersQuestion() {
        assertThat(render(ID, answers(withMinimal("permitted_users", "AdminApprovedPreAuthorized"))).problems())
                .extracting(Problem::field).containsExactly("permitted_users");
    }

    @Test
    void logoAndNoSecretAreCarriedToTheMetadata(@TempDir Path dir) {
        Rendering r = custom("logo_url", "https://acme.example.com/logo.png", "require_secret", "no");

        WrittenMetadata files = WrittenMetadata.write(r.spec(), dir);
        assertThat(files.value(APP, "logoUrl")).isEqualTo("https://acme.example.com/logo.png");
        assertThat(files.value(GLOBAL_OAUTH, "isConsumerSecretOptional")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isSecretRequiredForRefreshToken")).isEqualTo("false");
        assertThat(files.value(OAUTH_SETTINGS, "commaSeparatedOauthScopes")).isEqualTo("Api, RefreshToken");
    }

    private static String[] withMinimal(String... more) {
        String[] all = new String[MINIMAL.length + more.length];
        System.arraycopy(MINIMAL, 0, all, 0, MINIMAL.length);
        System.arraycopy(more, 0, all, MINIMAL.length, more.length);
        return all;
    }
}
