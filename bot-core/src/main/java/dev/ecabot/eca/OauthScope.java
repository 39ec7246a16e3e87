package dev.ecabot.eca;

import java.util.Locale;
import java.util.Optional;

/**
 * An OAuth scope as ExtlClntAppOauthSettings.commaSeparatedOauthScopes spells it, with the label Setup shows
 * for it. The seeds name scopes by their Setup label; this is the one place that maps labels to tokens.
 */
public enum OauthScope implements MetadataToken {
    BASIC("Basic", "Access the identity URL service (id, profile, email, address, phone)"),
    API("Api", "Manage user data via APIs (api)"),
    WEB("Web", "Manage user data via Web browsers (web)"),
    FULL("Full", "Full access (full)"),
    CHATTER("Chatter", "Access Chatter REST API resources (chatter_api)"),
    CUSTOM_APPLICATIONS("CustomApplications", "Access Visualforce applications (visualforce)"),
    REFRESH_TOKEN("RefreshToken", "Perform requests at any time (refresh_token, offline_access)"),
    OPEN_ID("OpenID", "Access unique user identifiers (openid)"),
    PROFILE("Profile", "Access your basic information (profile)"),
    EMAIL("Email", "Access your email address (email)"),
    ADDRESS("Address", "Access your physical address (address)"),
    PHONE("Phone", "Access your phone number (phone)"),
    CUSTOM_PERMISSIONS("CustomPermissions", "Access custom permissions (custom_permissions)"),
    MCP("MCP", "Access MCP servers (mcp_api)");

    private final String token;
    private final String setupLabel;

    OauthScope(String token, String setupLabel) {
        this.token = token;
        this.setupLabel = setupLabel;
    }

    @Override
    public String token() {
        return token;
    }

    /** The label of this scope in Setup's "Available OAuth Scopes" list. */
    public String setupLabel() {
        return setupLabel;
    }

    /**
     * The scope for a metadata token. {@code OfflineAccess} deploys as a synonym of RefreshToken and is read
     * as such; {@code mcp_api} is the OAuth parameter, which the Metadata API rejects, so it is refused here.
     */
    public static OauthScope fromToken(String token) {
        if ("OfflineAccess".equals(token)) return REFRESH_TOKEN;
        return MetadataToken.fromToken(OauthScope.class, token);
    }

    /** The scope whose Setup label is {@code label} (case and surrounding spaces ignored), if any. */
    public static Optional<OauthScope> fromSetupLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (OauthScope s : values()) {
            if (s.setupLabel.toLowerCase(Locale.ROOT).equals(wanted)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
