package dev.ecabot.teams;

import dev.ecabot.vault.Secret;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot serves Microsoft Teams, read once from the environment: off (the default), authenticated
 * (a Bot Framework registration: {@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD},
 * {@code MICROSOFT_APP_TENANT_ID}; every incoming JWT is checked) or insecure-local (no app id and
 * {@code ECABOT_TEAMS_INSECURE_LOCAL=true}, for the Bot Framework Emulator only). Immutable.
 */
public final class TeamsSettings {

    /** Where Bot Framework publishes the keys that sign the tokens channels send to bots. */
    public static final String BOT_FRAMEWORK_OPENID_METADATA =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public enum Mode { OFF, AUTHENTICATED, INSECURE_LOCAL }

    private final Mode mode;
    private final String appId;
    private final Secret appPassword;
    private final String tenantId;
    private final String openIdMetadataUrl;

    private TeamsSettings(Mode mode, String appId, Secret appPassword, String tenantId, String openIdMetadataUrl) {
        this.mode = mode;
        this.appId = appId;
        this.appPassword = appPassword;
        this.tenantId = tenantId;
        this.openIdMetadataUrl = openIdMetadataUrl;
    }

    public static TeamsSettings off() {
        return new TeamsSettings(Mode.OFF, "", null, "", BOT_FRAMEWORK_OPENID_METADATA);
    }

    /** A single-tenant Bot Framework registration (Azure Bot with app type SingleTenant). */
    public static TeamsSettings authenticated(String appId, Secret appPassword, String tenantId) {
        require(appId, "MICROSOFT_APP_ID");
        Objects.requireNonNull(appPassword, "appPassword");
        if (appPassword.isEmpty()) throw missing("MICROSOFT_APP_PASSWORD");
        require(tenantId, "MICROSOFT_APP_TENANT_ID");
        return new TeamsSettings(Mode.AUTHENTICATED, appId.trim(), appPassword, tenantId.trim(),
                BOT_FRAMEWORK_OPENID_METADATA);
    }

    /** No app id, no token checks: only for the Bot Framework Emulator on a developer's machine. */
    public static TeamsSettings insecureLocal() {
        return new TeamsSettings(Mode.INSECURE_LOCAL, "", null, "", BOT_FRAMEWORK_OPENID_METADATA);
    }

    /**
     * Reads the settings from environment variables. Refuses half or contradictory configurations with a
     * message naming the variable to fix, rather than guessing (and never falls back to no authentication).
     */
    public static TeamsSettings fromEnvironment(Map<String, String> env) {
        String appId = blankToEmpty(env.get("MICROSOFT_APP_ID"));
        String password = blankToEmpty(env.get("MICROSOFT_APP_PASSWORD"));
        String tenantId = blankToEmpty(env.get("MICROSOFT_APP_TENANT_ID"));
        boolean insecure = parseInsecureFlag(env.get("ECABOT_TEAMS_INSECURE_LOCAL"));
        if (!appId.isEmpty()) {
            if (insecure) {
                throw new dev.ecabot.settings.error.InvalidSettingException("ECABOT_TEAMS_INSECURE_LOCAL=true cannot be combined with"
                        + " MICROSOFT_APP_ID: with an app id every Teams request is authenticated. Unset"
                        + " ECABOT_TEAMS_INSECURE_LOCAL (or unset MICROSOFT_APP_ID for a local Emulator run).");
            }
            return authenticated(appId, Secret.of(password), tenantId);
        }
        if (!password.isEmpty() || !tenantId.isEmpty()) {
            throw missing("MICROSOFT_APP_ID");
        }
        return insecure ? insecureLocal() : off();
    }

    /** Points token validation at another OpenID metadata document (sovereign clouds; tests with local keys). */
    public TeamsSettings withOpenIdMetadataUrl(String url) {
        require(url, "OpenID metadata URL");
        return new TeamsSettings(mode, appId, appPassword, tenantId, url);
    }

    public Mode mode() { return mode; }

    public boolean enabled() { return mode != Mode.OFF; }

    /** The bot's Microsoft app id, or "" when there is none (off or insecure-local). */
    public String appId() { return appId; }

    public Optional<Secret> appPassword() { return Optional.ofNullable(appPassword); }

    /** The Entra tenant that issues the bot's own tokens; "" when there is no app id. */
    public String tenantId() { return tenantId; }

    public String openIdMetadataUrl() { return openIdMetadataUrl; }

    @Override
    public String toString() {
        return "TeamsSettings[mode=" + mode + ", appId=" + appId + ", tenantId=" + tenantId + "]";
    }

    private static boolean parseInsecureFlag(String value) {
        String v = blankToEmpty(value).toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw new dev.ecabot.settings.error.InvalidSettingException("ECABOT_TEAMS_INSECURE_LOCAL must be 'true' or 'false'; got '" + value + "'");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) throw missing(name);
    }

    private static dev.ecabot.settings.error.InvalidSettingException missing(String name) {
        return new dev.ecabot.settings.error.InvalidSettingException(switch (name) {
            case "MICROSOFT_APP_ID" -> "MICROSOFT_APP_ID is missing: set it to the Microsoft App ID of the bot's"
                    + " Azure Bot registration (MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are set).";
            case "MICROSOFT_APP_PASSWORD" -> "MICROSOFT_APP_PASSWORD is missing: set it to a client secret of the"
                    + " bot's app registration (Certificates & secrets in the Entra admin center).";
            case "MICROSOFT_APP_TENANT_ID" -> "MICROSOFT_APP_TENANT_ID is missing: set it to the Entra tenant id"
                    + " of the bot's single-tenant app registration (for a legacy multi-tenant bot: botframework.com).";
            default -> name + " is missing.";
        });
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
