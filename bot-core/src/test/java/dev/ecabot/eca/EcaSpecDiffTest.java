package dev.ecabot.eca;

import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EcaSpecDiffTest {

    @Test
    void identicalSettingsHaveNoDifferenceEvenWithScopesInAnotherOrder() {
        EcaSpec a = SampleSpecs.vonage("Vonage");
        EcaSpec b = new EcaSpec(a.app(), a.globalOauth(), OauthSettings.of(List.of(OauthScope.REFRESH_TOKEN, OauthScope.API)), a.policies());
        assertThat(EcaSpecDiff.between(a, b)).isEmpty();
    }

    @Test
    void eachDifferingSettingIsNamedWithBothValues() {
        EcaSpec inOrg = SampleSpecs.vonage("Vonage");
        OauthPolicies relaxed = new OauthPolicies(null, null, null, IpRelaxation.BYPASS, null, null, null, false, null, null, null, null, null, null);
        EcaSpec requested = new EcaSpec(inOrg.app(), inOrg.globalOauth(), OauthSettings.of(List.of(OauthScope.API)), relaxed);
        List<SettingDifference> diff = EcaSpecDiff.between(inOrg, requested);
        assertThat(diff).extracting(SettingDifference::setting).containsExactly("oauth.scopes", "policies.ipRelaxation");
        assertThat(diff.get(0).describe()).isEqualTo("oauth.scopes: [API, REFRESH_TOKEN] in the org, [API] requested");
        assertThat(diff.get(1).inOrg()).isEqualTo("ENFORCE");
        assertThat(diff.get(1).requested()).isEqualTo("BYPASS");
    }
}
