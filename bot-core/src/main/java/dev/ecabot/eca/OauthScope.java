package dev.ecabot.eca;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    // Setup renamed "Access Chatter REST API resources" to this (Mobile SDK guide, Scope Parameter Values)
    CHATTER("Chatter", "Access Connect REST API resources (chatter_api)"),
    CUSTOM_APPLICATIONS("CustomApplications", "Access Visualforce applications (visualforce)"),
    REFRESH_TOKEN("RefreshToken", "Perform requests at any time (refresh_token, offline_access)"),
    OPEN_ID("OpenID", "Access unique user identifiers (openid)"),
    // Profile, Email, Address and Phone are metadata tokens without a Setup entry of their own (Salesforce Help: the
    // parameters are synonyms of the identity URL service); their labels here are descriptive, not Setup's.
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

    /** The OAuth parameter names in the label's parentheses, e.g. "refresh_token, offline_access". */
    public String oauthParameters() {
        return setupLabel.substring(setupLabel.lastIndexOf('(') + 1, setupLabel.lastIndexOf(')'));
    }

    /**
     * The scope a seed or an admin names by its Setup label. Case, spacing, punctuation and markdown escapes are
     * ignored (seed 002 writes "(id. profile, ...)", seed 004 "(refresh\_token, offline\_access)."), and the OAuth
     * parameter names alone also match: all of them ("mcp_api"), or some when only one scope has them (seed 001
     * writes "Perform requests at any time (refresh_token)"). That also covers labels Setup has reworded since.
     */
    public static Optional<OauthScope> fromSetupLabel(String label) {
        if (label == null) return Optional.empty();
        String wanted = normalized(label);
        for (OauthScope s : values()) {
            if (normalized(s.setupLabel).equals(wanted)) return Optional.of(s);
        }
        Set<String> given = parameters(label.contains("(") && label.contains(")")
                ? label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')')) : label);
        if (given.isEmpty()) return Optional.empty();
        for (OauthScope s : values()) {
            if (parameters(s.oauthParameters()).equals(given)) return Optional.of(s);
        }
        List<OauthScope> containing = Arrays.stream(values())
                .filter(s -> parameters(s.oauthParameters()).containsAll(given)).toList();
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }

    private static Set<String> parameters(String list) {
        String normalized = normalized(list);
        return normalized.isEmpty() ? Set.of() : Set.of(normalized.split(" "));
    }

    /** Lower case, markdown escapes dropped, every run of characters other than letters, digits and '_' as one space. */
    private static String normalized(String text) {
        return text.replace("\\", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", " ").strip();
    }
}
