package dev.ecabot.salesforce;

import dev.ecabot.config.EcabotConfig;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgRegistryTest {

    private final AtomicInteger demoStarts = new AtomicInteger();
    private final DemoOrgProvider demo = () -> {
        demoStarts.incrementAndGet();
        return new Org("demo", OrgEnvironment.PRODUCTION, URI.create("http://127.0.0.1:1"), "68.0",
                SignInMethod.ClientCredentials.of("id", Secret.of("s")), true);
    };

    private static final OrgConfig UAT = new OrgConfig("uat", OrgEnvironment.SANDBOX, URI.create("https://acme--uat.sandbox.my.salesforce.com"),
            "68.0", new OrgAuth.ClientCredentials("UAT_ID", "UAT_SECRET"));

    @Test
    void withNoConfigurationTheDemoOrgIsOfferedAndStartedOnlyWhenUsed() {
        OrgRegistry registry = OrgRegistry.of(EcabotConfig.empty(), Map.of(), demo);
        assertThat(registry.names()).containsExactly("demo");
        assertThat(demoStarts).hasValue(0);
        assertThat(registry.require("Demo").demo()).isTrue();
    }

    @Test
    void aConfiguredOrgReplacesTheDemoOrg() {
        OrgRegistry registry = OrgRegistry.of(new EcabotConfig(null, List.of(UAT), true, Map.of()), Map.of(), demo);
        assertThat(registry.names()).containsExactly("uat");
        assertThatThrownBy(() -> registry.require("demo")).isInstanceOf(UnknownOrgException.class).hasMessageContaining("uat");
    }

    @Test
    void theDemoOrgCanBeTurnedOff() {
        OrgRegistry registry = OrgRegistry.of(new EcabotConfig(null, List.of(), false, Map.of()), Map.of(), demo);
        assertThat(registry.names()).isEmpty();
        assertThatThrownBy(() -> registry.require("demo")).hasMessageContaining("No org is configured");
    }

    @Test
    void clientCredentialsComeFromTheNamedEnvironmentVariablesWhenNeeded() {
        OrgRegistry registry = OrgRegistry.of(new EcabotConfig(null, List.of(UAT), true, Map.of()),
                Map.of("UAT_ID", "3MVG9id"), demo);
        Org uat = registry.require("uat");
        SignInMethod.ClientCredentials cc = (SignInMethod.ClientCredentials) uat.signIn();
        assertThat(cc.clientId().get()).isEqualTo("3MVG9id");
        assertThat(cc.describe()).contains("UAT_ID").contains("UAT_SECRET");
        assertThatThrownBy(() -> cc.clientSecret().get())
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("Could not sign in to org 'uat'")
                .hasMessageContaining("UAT_SECRET is not set");
    }
}
