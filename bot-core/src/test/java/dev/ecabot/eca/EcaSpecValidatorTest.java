package dev.ecabot.eca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class EcaSpecValidatorTest {

    private final EcaSpecValidator validator = EcaSpecValidator.standard();

    @Test
    void theSampleSpecsAreValid() {
        assertThat(validator.validate(SampleSpecs.minimal())).isEmpty();
        assertThat(validator.validate(SampleSpecs.clientCredentials())).isEmpty();
        assertThat(EcaSpecValidator.allowingCustomSchemes().validate(SampleSpecs.mcpWithHardening())).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsField() {
        EcaSpec spec = new EcaSpec(new AppInfo("Bad Name_", " ", "not-an-email", null, null, null, "http://logo", null),
                GlobalOauthSettings.builder().build(), OauthSettings.of(List.of()), OauthPolicies.defaults());

        assertThat(validator.validate(spec)).extracting(SpecProblem::field).contains(
                "app.apiName", "app.label", "app.contactEmail", "app.logoUrl", "globalOauth.callbackUrls", "oauth.scopes");
    }

    @Test
    void anApiNameBreakingSeed002RulesIsExplained() {
        assertThat(problems(app("Service Board__Sync_"))).filteredOn(p -> p.field().equals("app.apiName"))
                .extracting(SpecProblem::message)
                .anySatisfy(m -> assertThat(m).contains("only letters, digits and underscores"))
                .anySatisfy(m -> assertThat(m).contains("end with an underscore"))
                .anySatisfy(m -> assertThat(m).contains("two underscores in a row"));
    }

    @Test
    void anHttpCallbackIsRefusedExceptForLocalhost() {
        assertThat(messages(callbacks("http://vendor.example.com/cb"))).anySatisfy(m -> assertThat(m).contains("use https"));
        assertThat(validator.validate(callbacks("http://localhost:1717/OauthRedirect", "http://127.0.0.1:8080/cb"))).isEmpty();
    }

    @Test
    void aCustomSchemeCallbackNeedsThePlaybookToAllowIt() {
        EcaSpec cursor = callbacks("cursor://anysphere.cursor-mcp/oauth/callback");

        assertThat(validator.validate(cursor)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("globalOauth.callbackUrls[0]");
            assertThat(p.message()).contains("custom scheme cursor://").contains("use an https URL");
        });
        assertThat(EcaSpecValidator.allowingCustomSchemes().validate(cursor)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "vendor.example.com/cb", "https://vendor.example.com/cb#frag", "https:///cb",
            " https://vendor.example.com/cb"})
    void callbacksThatCanNeverWorkAreRefusedEvenWithCustomSchemesAllowed(String url) {
        assertThat(EcaSpecValidator.allowingCustomSchemes().validate(callbacks(url)))
                .extracting(SpecProblem::field).containsExactly("globalOauth.callbackUrls[0]");
    }

    @Test
    void aDuplicateCallbackIsNamed() {
        assertThat(validator.validate(callbacks("https://a.example.com/cb", "https://a.example.com/cb")))
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("globalOauth.callbackUrls[1]"));
    }

    @Test
    void ipRangesMustBeValidAddressesInOrder() {
        EcaSpec spec = withOauth(new OauthSettings(List.of(OauthScope.API), List.of(
                new TrustedIpRange("10.0.0.1", "10.0.0.9", "ok"),
                new TrustedIpRange("10.0.0.9", "10.0.0.1", "reversed"),
                new TrustedIpRange("300.1.1.1", "300.1.1.2", "bad octet"),
                new TrustedIpRange("2001:db8::1", "2001:db8::2", "IPv6")), null));

        List<SpecProblem> problems = validator.validate(spec);

        assertThat(problems).extracting(SpecProblem::field).containsExactly(
                "oauth.trustedIpRanges[1]", "oauth.trustedIpRanges[2]", "oauth.trustedIpRanges[3]");
        assertThat(problems.get(0).message()).contains("swap");
        assertThat(problems.get(1).message()).contains("'300.1.1.1' is not an IPv4 address");
    }

    @Test
    void moreThan128IpRangesAreRefused() {
        List<TrustedIpRange> ranges = new ArrayList<>();
        for (int i = 0; i < 129; i++) ranges.add(new TrustedIpRange("10.0." + i / 256 + "." + i % 256, "10.0." + i / 256 + "." + i % 256, null));

        assertThat(validator.validate(withOauth(new OauthSettings(List.of(OauthScope.API), ranges, null))))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("129 ranges").contains("at most 128"));
        assertThat(validator.validate(withOauth(new OauthSettings(List.of(OauthScope.API), ranges.subList(0, 128), null)))).isEmpty();
    }

    @Test
    void aLimitedRefreshTokenNeedsAPositivePeriodAndAUnit() {
        EcaSpec spec = withPolicies(p -> p.refreshTokenPolicy(RefreshTokenPolicy.SPECIFIC_LIFETIME).refreshTokenValidityPeriod(0));

        assertThat(validator.validate(spec)).extracting(SpecProblem::field)
                .containsExactly("policies.refreshTokenValidityPeriod", "policies.refreshTokenValidityUnit");
    }

    @Test
    void aRefreshTokenLifetimeOverTenYearsIsRefused() {
        assertThat(messages(withPolicies(p -> p.refreshToken(RefreshTokenPolicy.SPECIFIC_INACTIVITY, 121, RefreshTokenValidityUnit.MONTHS))))
                .singleElement().asString().contains("more than ten years").contains("120 Months");
        assertThat(validator.validate(withPolicies(p -> p.refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS)))).isEmpty();
    }

    @Test
    void duplicateScopesAreNamedByTheirSetupLabel() {
        assertThat(messages(withOauth(OauthSettings.of(List.of(OauthScope.API, OauthScope.API)))))
                .singleElement().asString().contains("Manage user data via APIs (api)").contains("twice");
    }

    @Test
    void clientCredentialsNeedARunAsUser() {
        EcaSpec spec = new EcaSpec(SampleSpecs.clientCredentials().app(), SampleSpecs.clientCredentials().globalOauth(),
                SampleSpecs.clientCredentials().oauth(),
                SampleSpecs.clientCredentials().policies().toBuilder().clientCredentialsFlowUser(" ").build());

        assertThat(validator.validate(spec)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("policies.clientCredentialsFlowUser");
            assertThat(p.message()).contains("run-as user").contains("API Only");
        });
    }

    @Test
    void clientCredentialsMustBeOnInBothTheGlobalSettingsAndThePoliciesOrInNeither() {
        EcaSpec onlyGlobal = new EcaSpec(SampleSpecs.minimal().app(),
                SampleSpecs.minimal().globalOauth().toBuilder().clientCredentialsFlowEnabled(true).build(),
                SampleSpecs.minimal().oauth(), SampleSpecs.minimal().policies());
        EcaSpec onlyPolicy = withPolicies(p -> p.clientCredentialsFlowEnabled(true).clientCredentialsFlowUser("u@example.com"));

        assertThat(validator.validate(onlyGlobal)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("policies.clientCredentialsFlowEnabled");
            assertThat(p.message()).contains("enable it in both or in neither");
        });
        assertThat(validator.validate(onlyPolicy)).extracting(SpecProblem::field)
                .containsExactly("globalOauth.clientCredentialsFlowEnabled");
    }

    @Test
    void preAuthorisedUsersNeedAPermissionSetOrProfile() {
        assertThat(messages(withPolicies(p -> p.permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED))))
                .singleElement().asString().contains("permission set or profile").contains("generic authentication failure");
        assertThat(validator.validate(withPolicies(p -> p.permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                .profiles("System Administrator")))).isEmpty();
    }

    @Test
    void singleLogoutUrlsMustBeHttps() {
        assertThat(validator.validate(withPolicies(p -> p.singleLogoutUrl("http://example.com/logout"))))
                .extracting(SpecProblem::field).containsExactly("policies.singleLogoutUrl");
        assertThat(validator.validate(withOauth(new OauthSettings(List.of(OauthScope.API), List.of(), "ftp://x/logout"))))
                .extracting(SpecProblem::field).containsExactly("oauth.singleLogoutUrl");
    }

    @Test
    void aCertificateMustBeAnX509Certificate() {
        EcaSpec garbage = new EcaSpec(SampleSpecs.minimal().app(),
                SampleSpecs.minimal().globalOauth().toBuilder().certificate("-----BEGIN PRIVATE KEY-----\nabc\n").build(),
                SampleSpecs.minimal().oauth(), SampleSpecs.minimal().policies());

        assertThat(messages(garbage)).singleElement().asString().contains("X.509").contains("never the private key");
    }

    @Test
    void aRealCertificateInPemOrRetrievedBodyFormIsAccepted() {
        assertThat(EcaValueChecks.certificate(SampleSpecs.CERTIFICATE)).isEmpty();
        assertThat(EcaValueChecks.certificate("-----BEGIN CERTIFICATE-----\n" + SampleSpecs.CERTIFICATE
                + "\n-----END CERTIFICATE-----\n")).isEmpty();
        assertThat(validator.validate(SampleSpecs.everythingSet())).isEmpty();
    }

    @Test
    void tokenExchangePolicyWithoutTheFlowIsNamed() {
        assertThat(validator.validate(withPolicies(p -> p.tokenExchangeFlowEnabled(true))))
                .extracting(SpecProblem::field).containsExactly("policies.tokenExchangeFlowEnabled");
    }

    @Test
    void customScopeNamesMustBeIdentifiersListedOnce() {
        assertThat(validator.validate(withPolicies(p -> p.customScopes("orders_read", "orders read", "orders_read"))))
                .extracting(SpecProblem::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("'orders read' is not a custom scope name"))
                .anySatisfy(m -> assertThat(m).contains("listed twice"));
    }

    private List<String> messages(EcaSpec spec) {
        return validator.validate(spec).stream().map(SpecProblem::message).toList();
    }

    private List<SpecProblem> problems(EcaSpec spec) {
        return validator.validate(spec);
    }

    private static EcaSpec app(String apiName) {
        EcaSpec m = SampleSpecs.minimal();
        return new EcaSpec(AppInfo.local(apiName, "Label", "owner@example.com"), m.globalOauth(), m.oauth(), m.policies());
    }

    private static EcaSpec callbacks(String... urls) {
        EcaSpec m = SampleSpecs.minimal();
        return new EcaSpec(m.app(), m.globalOauth().toBuilder().callbackUrls(urls).build(), m.oauth(), m.policies());
    }

    private static EcaSpec withOauth(OauthSettings oauth) {
        EcaSpec m = SampleSpecs.minimal();
        return new EcaSpec(m.app(), m.globalOauth(), oauth, m.policies());
    }

    private static EcaSpec withPolicies(UnaryOperator<OauthPolicies.Builder> change) {
        EcaSpec m = SampleSpecs.minimal();
        return new EcaSpec(m.app(), m.globalOauth(), m.oauth(), change.apply(OauthPolicies.builder()).build());
    }
}
