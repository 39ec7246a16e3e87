package dev.ecabot.salesforce;

import dev.ecabot.emulator.SalesforceEmulator;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.testing.EmulatedOrgs;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.ecabot.testing.EmulatedOrgs.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At sign-in the bot reads GET /services/data/ and refuses an org that does not serve its configured version. */
class ApiVersionCheckTest {

    @Test
    void theBotCallsWinterTwentySevenByDefault() {
        assertThat(OrgConfig.DEFAULT_API_VERSION).isEqualTo("68.0");
        assertThat(EcaMetadataWriter.DEFAULT_API_VERSION).isEqualTo("68.0");
        assertThat(ApiVersions.releaseName("68.0")).isEqualTo("Winter '27");
        assertThat(ApiVersions.releaseName("67.0")).isEqualTo("Summer '26");
        assertThat(ApiVersions.releaseName("66.0")).isEqualTo("Spring '26");
        assertThat(ApiVersions.releaseName("65.0")).isEqualTo("Winter '26");
        assertThat(ApiVersions.releaseName("31.0")).isEqualTo("Summer '14");
    }

    @Test
    void signingInReadsTheVersionsTheOrgServesOnce() {
        try (EmulatedOrgs orgs = EmulatedOrgs.start(Duration.ZERO)) {
            SalesforceClient client = new SalesforceClients(FAST).forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
            client.checkSignIn();
            client.apps().list();
            assertThat(client.apiVersions().latest()).contains("68.0");
            assertThat(client.apiVersions().serves("67.0")).isTrue();
            assertThat(orgs.emulator().org().calls()).filteredOn(c -> c.path().equals("/services/data/")).hasSize(1);
        }
    }

    @Test
    void anOrgNotYetUpgradedIsRefusedWithTheVersionToConfigure() {
        try (EmulatedOrgs orgs = EmulatedOrgs.start(SalesforceEmulator.builder().deployDelay(Duration.ZERO).latestApiVersion(67))) {
            SalesforceClient client = new SalesforceClients(FAST).forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
            assertThatThrownBy(client::checkSignIn)
                    .isInstanceOf(SignInException.class)
                    .hasMessageContaining("serves API versions up to 67.0 (Summer '26)")
                    .hasMessageContaining("set to call 68.0")
                    .hasMessageContaining("apiVersion: \"67.0\"")
                    .hasMessageContaining("ecabot.yaml");
            // nothing else was attempted with a version the org would answer 404 to
            assertThat(orgs.emulator().org().calls()).noneMatch(c -> c.path().startsWith("/services/data/v"));
        }
    }

    @Test
    void aPinnedOlderVersionTheOrgServesWorks() {
        try (EmulatedOrgs orgs = EmulatedOrgs.start(SalesforceEmulator.builder().deployDelay(Duration.ZERO).latestApiVersion(67))) {
            Org base = orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION);
            Org pinned = new Org(base.name(), base.environment(), base.loginUrl(), "67.0", base.signIn(), false);
            SalesforceClient client = new SalesforceClients(FAST).forOrg(pinned);
            assertThat(client.apps().list()).isEmpty();
            assertThat(orgs.emulator().org().calls()).anyMatch(c -> c.path().equals("/services/data/v67.0/query"));
        }
    }
}
