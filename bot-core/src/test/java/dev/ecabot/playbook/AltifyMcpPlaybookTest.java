package dev.ecabot.playbook;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthScope;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AltifyMcpPlaybookTest {

    private final PlaybookCatalog catalog = new PlaybookLoader().load(Optional.empty());

    @Test
    void rendersTheSettingsOfTheAltifyGuide() {
        Playbook playbook = catalog.find("altify-mcp").orElseThrow();
        Rendering r = new PlaybookRenderer().render(playbook, Map.of(
                "org", "demo", "app_name", "Altify MCP", "contact_email", "admin@acme.com")).orElseThrow();
        EcaSpec spec = r.spec();
        assertThat(spec.apiName()).isEqualTo("Altify_MCP");
        assertThat(spec.oauth().scopes()).containsExactly(OauthScope.BASIC, OauthScope.API, OauthScope.REFRESH_TOKEN, OauthScope.OPEN_ID);
        assertThat(spec.globalOauth().callbackUrls()).hasSize(10);
        assertThat(spec.policies().ipRelaxation()).isEqualTo(IpRelaxation.ENFORCE_RELAX_REFRESH);
        assertThat(r.delivery()).isEqualTo(Delivery.KEY_AND_SECRET);
    }
}
