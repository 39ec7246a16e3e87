package dev.ecabot.posture;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.EcaMetadataReader;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.eca.RetrievedEca;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped posture rules grade the shipped playbooks, real retrieved ECA files and crafted apps as an auditor would. */
class PostureRulesTest {

    private static final PostureRules RULES = PostureRules.shipped();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "vonage-ai-studio      | refresh-token-infinite self-authorized-broad-scope ip-bypass refresh-token-no-rotation pkce-off",
            "altify-mcp            | refresh-token-long self-authorized-broad-scope",
            "custom                | refresh-token-infinite self-authorized-broad-scope refresh-token-no-rotation",
            "salesforce-hosted-mcp | refresh-token-long refresh-token-no-rotation web-client-secret-not-required",
            "service-board-sync    | self-authorized-broad-scope ip-bypass pkce-off"})
    void everyShippedPlaybookIsGradedWithTheFindingsAnAuditorWouldRaise(String playbook, String expected) {
        List<PostureFinding> findings = RULES.grade(PostureFacts.of(ShippedPlaybookSpecs.spec(playbook), "slack:U1", null));
        assertThat(findings).extracting(PostureFinding::ruleId).containsExactlyInAnyOrder(expected.split(" "));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.setting()).isNotBlank();
            assertThat(f.why()).isNotBlank();
            assertThat(f.source()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
        assertThat(findings).extracting(PostureFinding::severity).isSorted();
    }

    @Test
    void vonagesFullScopeFindingNamesTheScopesAndSeed001() {
        PostureFinding f = RULES.grade(PostureFacts.of(ShippedPlaybookSpecs.spec("vonage-ai-studio"), "slack:U1", null))
                .stream().filter(x -> x.ruleId().equals("self-authorized-broad-scope")).findFirst().orElseThrow();
        assertThat(f.message()).isEqualTo("Every user may self-authorize an app with the Api, Full, RefreshToken scopes.");
        assertThat(f.source()).contains("Seed 001");
        assertThat(f.explained()).startsWith("[high] Policies > Permitted Users: ").contains("Fix: ").contains("Why: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ci-pipeline          | self-authorized-broad-scope refresh-token-long refresh-token-no-rotation no-owner pkce-off",
            "client-credentials   | ip-bypass no-owner pkce-off",
            "free-names           | self-authorized-broad-scope no-owner pkce-off",
            "jwt-bearer           | no-owner",
            "mcp-scopes-only      | refresh-token-long refresh-token-no-rotation no-owner",
            "packaged-header-only | no-owner"})
    void realRetrievedEcaFilesAreGradedAsImportedAppsWithoutOwner(String folder, String expected) throws URISyntaxException {
        Path dir = Path.of(getClass().getResource("/eca/retrieved/" + folder).toURI());
        List<RetrievedEca> read = new EcaMetadataReader().readFolder(dir);
        assertThat(read).hasSize(1);
        assertThat(RULES.grade(PostureFacts.of(read.get(0).spec(), null, null))).extracting(PostureFinding::ruleId)
                .containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void aSafeAppHasNoFinding() {
        assertThat(ids(safe().build(), "slack:U1", 10L)).isEmpty();
    }

    @Test
    void longRefreshTokensCountMonthsAsThirtyDaysAndThirtyDaysPass() {
        assertThat(ids(withPolicies(p -> p.refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 3, RefreshTokenValidityUnit.MONTHS)), "o", 1L))
                .containsExactly("refresh-token-long");
        assertThat(ids(withPolicies(p -> p.refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 720, RefreshTokenValidityUnit.HOURS)), "o", 1L))
                .isEmpty();
        assertThat(RULES.grade(PostureFacts.of(withPolicies(p -> p.refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 3,
                RefreshTokenValidityUnit.MONTHS)), "o", 1L)).get(0).message()).isEqualTo("Refresh tokens stay valid 90 days.");
    }

    @Test
    void httpAndWildcardCallbacksAreFoundButLocalhostIsFine() {
        assertThat(ids(withCallbacks("http://app.example.com/cb"), "o", 1L)).containsExactly("callback-insecure");
        assertThat(ids(withCallbacks("https://*.example.com/cb"), "o", 1L)).containsExactly("callback-wildcard");
        assertThat(ids(withCallbacks("http://localhost:1717/OauthRedirect"), "o", 1L)).isEmpty();
    }

    @Test
    void clientCredentialsRunAsAnAdminLookingUserIsFound() {
        assertThat(ids(withPolicies(p -> p.clientCredentialsFlowEnabled(true).clientCredentialsFlowUser("admin@acme.example.com")), "o", 1L))
                .containsExactly("client-credentials-admin-user");
        assertThat(ids(withPolicies(p -> p.clientCredentialsFlowEnabled(true).clientCredentialsFlowUser("integration@acme.example.com")), "o", 1L))
                .isEmpty();
    }

    @Test
    void oldCredentialsAndMissingOwnersAreFound() {
        assertThat(ids(safe().build(), "o", 181L)).containsExactly("credentials-old");
        assertThat(ids(safe().build(), "o", 180L)).isEmpty();
        assertThat(ids(safe().build(), null, 1L)).containsExactly("no-owner");
    }

    @Test
    void publicClientWithoutPkceIsHighAndSelfAuthorizedWithoutBroadScopeIsFine() {
        EcaSpec spec = new EcaSpec(app(), GlobalOauthSettings.builder().callbackUrls("myapp://callback")
                .consumerSecretOptional(true).pkceRequired(false).build(),
                OauthSettings.of(List.of(OauthScope.OPEN_ID)), OauthPolicies.builder().build());
        List<PostureFinding> f = RULES.grade(PostureFacts.of(spec, "o", 1L));
        assertThat(f).extracting(PostureFinding::ruleId).containsExactly("pkce-off-public-client");
        assertThat(f.get(0).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void anAdminsRuleFileAddsRulesReplacesOnesAndSwitchesOthersOff(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("posture"));
        Files.writeString(dir.resolve("posture/rules.yaml"), """
                rules:
                  - id: ip-bypass
                    enabled: false
                    severity: low
                    setting: x
                    when: [ { fact: ip_relaxation, equals: Bypass } ]
                    finding: x
                    why: x
                    source: x
                    fix: x
                  - id: no-trusted-ranges
                    severity: low
                    setting: Settings > Trusted IP Ranges
                    when: [ { fact: trusted_ip_ranges, is_missing: true } ]
                    finding: No trusted IP range.
                    why: Our security team asks for one.
                    source: ACME policy SEC-12
                    fix: Add the vendor's ranges.
                """);
        PostureRules rules = PostureRules.load(Optional.of(dir));
        EcaSpec vonage = ShippedPlaybookSpecs.spec("vonage-ai-studio");
        assertThat(rules.grade(PostureFacts.of(vonage, "o", 1L))).extracting(PostureFinding::ruleId)
                .contains("no-trusted-ranges", "refresh-token-infinite").doesNotContain("ip-bypass");
    }

    @Test
    void aBrokenRuleFileIsRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> PostureRules.fromYaml("""
                rules:
                  - id: Bad Id
                    severity: critical
                    setting: x
                    when: [ { fact: colour, equals: red } ]
                    finding: x
                    why: x
                    source: x
                    fix: x
                """, "my-rules.yaml"))
                .isInstanceOf(PostureRulesException.class)
                .hasMessageStartingWith("my-rules.yaml is not a valid posture rule file")
                .satisfies(e -> assertThat(((PostureRulesException) e).problems()).hasSizeGreaterThanOrEqualTo(3)
                        .anySatisfy(p -> assertThat(p).contains("$.rules[0].id"))
                        .anySatisfy(p -> assertThat(p).contains("$.rules[0].severity"))
                        .anySatisfy(p -> assertThat(p).contains("$.rules[0].when[0].fact")));
        assertThatThrownBy(() -> PostureRules.fromYaml("""
                rules:
                  - { id: bad-regex, severity: low, setting: x, finding: x, why: x, source: x, fix: x,
                      when: [ { fact: callback_urls, matches: "([" } ] }
                """, "r.yaml")).hasMessageContaining("$.rules[0].when[0].matches: not a valid regular expression");
    }

    private static List<String> ids(EcaSpec spec, String owner, Long age) {
        return RULES.grade(PostureFacts.of(spec, owner, age)).stream().map(PostureFinding::ruleId).toList();
    }

    private static AppInfo app() {
        return new AppInfo("Safe_App", "Safe App", "a@example.com", null, null, DistributionState.LOCAL, null, null);
    }

    /** Pre-authorized, enforced IPs, 30-day rotating refresh tokens, PKCE and secret required. */
    private static EcaSpecBuilder safe() {
        return new EcaSpecBuilder();
    }

    private static EcaSpec withPolicies(java.util.function.UnaryOperator<OauthPolicies.Builder> change) {
        EcaSpecBuilder b = safe();
        b.policies = change.apply(b.policies);
        return b.build();
    }

    private static EcaSpec withCallbacks(String url) {
        EcaSpecBuilder b = safe();
        b.global = b.global.callbackUrls(url);
        return b.build();
    }

    private static final class EcaSpecBuilder {
        GlobalOauthSettings.Builder global = GlobalOauthSettings.builder().callbackUrls("https://vendor.example.com/cb")
                .refreshTokenRotationEnabled(true);
        OauthPolicies.Builder policies = OauthPolicies.builder().permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                .permissionSets("Vendor_Users").ipRelaxation(IpRelaxation.ENFORCE)
                .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS);

        EcaSpec build() {
            return new EcaSpec(app(), global.build(), OauthSettings.of(List.of(OauthScope.API, OauthScope.REFRESH_TOKEN)),
                    policies.build());
        }
    }
}
