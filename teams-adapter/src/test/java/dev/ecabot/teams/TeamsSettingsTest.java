package dev.ecabot.teams;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamsSettingsTest {

    static final Map<String, String> REGISTRATION = Map.of(
            "MICROSOFT_APP_ID", "11111111-2222-3333-4444-555555555555",
            "MICROSOFT_APP_PASSWORD", "client-secret-value",
            "MICROSOFT_APP_TENANT_ID", "5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");

    @Test
    void teamsIsOffWhenNothingIsConfigured() {
        assertThat(TeamsSettings.fromEnvironment(Map.of()).mode()).isEqualTo(TeamsSettings.Mode.OFF);
        assertThat(TeamsSettings.fromEnvironment(Map.of("ECABOT_TEAMS_INSECURE_LOCAL", "false")).enabled()).isFalse();
    }

    @Test
    void aFullRegistrationTurnsOnAuthenticatedTeams() {
        TeamsSettings settings = TeamsSettings.fromEnvironment(REGISTRATION);
        assertThat(settings.mode()).isEqualTo(TeamsSettings.Mode.AUTHENTICATED);
        assertThat(settings.appId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(settings.tenantId()).isEqualTo("5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6");
        assertThat(settings.openIdMetadataUrl()).isEqualTo(TeamsSettings.BOT_FRAMEWORK_OPENID_METADATA);
    }

    @Test
    void thePasswordNeverShowsInTheSettingsText() {
        assertThat(TeamsSettings.fromEnvironment(REGISTRATION).toString()).doesNotContain("client-secret-value");
    }

    @Test
    void insecureLocalNeedsToBeAskedForExplicitly() {
        assertThat(TeamsSettings.fromEnvironment(Map.of("ECABOT_TEAMS_INSECURE_LOCAL", "true")).mode())
                .isEqualTo(TeamsSettings.Mode.INSECURE_LOCAL);
    }

    @Test
    void anAppIdWithTheInsecureFlagIsRefusedRatherThanRunWithoutChecks() {
        Map<String, String> env = new java.util.HashMap<>(REGISTRATION);
        env.put("ECABOT_TEAMS_INSECURE_LOCAL", "true");
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(env))
                .hasMessageContaining("cannot be combined with MICROSOFT_APP_ID");
    }

    @Test
    void eachMissingPartOfARegistrationIsNamed() {
        for (String name : REGISTRATION.keySet()) {
            Map<String, String> env = new java.util.HashMap<>(REGISTRATION);
            env.remove(name);
            assertThatThrownBy(() -> TeamsSettings.fromEnvironment(env)).hasMessageStartingWith(name + " is missing");
        }
    }

    @Test
    void anUnreadableInsecureFlagIsRefused() {
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(Map.of("ECABOT_TEAMS_INSECURE_LOCAL", "yes")))
                .hasMessageContaining("must be 'true' or 'false'");
    }
}
