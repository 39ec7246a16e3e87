package dev.ecabot.eca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every Setup label the seeds use maps to the metadata token Salesforce expects. */
class OauthScopeLabelsTest {

    @Test
    void identityUrlServiceIsBasic() {
        assertThat(OauthScope.fromSetupLabel("Access the identity URL service (id, profile, email, address, phone)"))
                .contains(OauthScope.BASIC);
    }

    @Test
    void manageUserDataViaApisIsApi() {
        assertThat(OauthScope.fromSetupLabel("Manage user data via APIs (api)")).contains(OauthScope.API);
    }

    @Test
    void fullAccessIsFull() {
        assertThat(OauthScope.fromSetupLabel("Full access (full)")).contains(OauthScope.FULL);
    }

    @Test
    void performRequestsAtAnyTimeIsRefreshToken() {
        assertThat(OauthScope.fromSetupLabel("Perform requests at any time (refresh_token, offline_access)"))
                .contains(OauthScope.REFRESH_TOKEN);
    }

    @Test
    void uniqueUserIdentifiersIsOpenId() {
        assertThat(OauthScope.fromSetupLabel("Access unique user identifiers (openid)")).contains(OauthScope.OPEN_ID);
    }

    @Test
    void mcpServersIsMcp() {
        assertThat(OauthScope.fromSetupLabel("Access MCP servers (mcp_api)")).contains(OauthScope.MCP);
    }

    @Test
    void webBrowsersIsWeb() {
        assertThat(OauthScope.fromSetupLabel("Manage user data via Web browsers (web)")).contains(OauthScope.WEB);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Access the identity URL service (id. profile, email, address, phone) | BASIC",  // seed 002
            "Manage user data via APIs (api).                                     | API",    // seed 004, trailing dot
            "Full access (full).                                                  | FULL",
            "Perform requests at any time (refresh\\_token, offline\\_access).     | REFRESH_TOKEN", // seed 004 markdown
            "Perform requests at any time (refresh_token)                         | REFRESH_TOKEN", // seed 001
            "  access MCP SERVERS (mcp_api)                                       | MCP",
            "mcp_api                                                              | MCP",
            "Access Chatter REST API resources (chatter_api)                      | CHATTER",  // the older Setup label
    })
    void labelsAsSeedsWriteThemStillMatch(String label, OauthScope expected) {
        assertThat(OauthScope.fromSetupLabel(label)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Read everything", "Access your data (profile, openid)"})
    void unknownOrAmbiguousLabelsMatchNothing(String label) {
        assertThat(OauthScope.fromSetupLabel(label)).isEmpty();
    }

    @Test
    void everyScopesOwnLabelMapsBackToIt() {
        for (OauthScope scope : OauthScope.values()) {
            assertThat(OauthScope.fromSetupLabel(scope.setupLabel())).contains(scope);
            assertThat(OauthScope.fromToken(scope.token())).isEqualTo(scope);
        }
    }

    @Test
    void offlineAccessTokenIsRefreshTokenButTheMcpParameterIsNoToken() {
        assertThat(OauthScope.fromToken("OfflineAccess")).isEqualTo(OauthScope.REFRESH_TOKEN);
        assertThatThrownBy(() -> OauthScope.fromToken("mcp_api")).hasMessageContaining("MCP");
    }
}
