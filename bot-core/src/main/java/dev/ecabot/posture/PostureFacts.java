package dev.ecabot.posture;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What posture rules look at: named facts of one app, taken from its settings ({@link EcaSpec}) and the inventory
 * (owner, age of its credentials). The names are those of {@code rules.schema.json}'s {@code fact} list; a fact
 * that is unknown (credential age before the app exists) is null. Immutable.
 */
public final class PostureFacts {

    /** Months count as 30 days when a refresh token lifetime is compared with a number of days. */
    static final int DAYS_PER_MONTH = 30;

    private final Map<String, Object> values;

    private PostureFacts(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The facts of {@code spec}; {@code owner} is who owns the app (null: nobody), {@code credentialAgeDays} how
     * old its consumer key and secret are (null: not known, e.g. before it exists).
     */
    public static PostureFacts of(EcaSpec spec, String owner, Long credentialAgeDays) {
        GlobalOauthSettings g = spec.globalOauth();
        OauthPolicies p = spec.policies();
        Map<String, Object> f = new LinkedHashMap<>();
        List<String> scopes = spec.oauth().scopes().stream().map(OauthScope::token).toList();
        f.put("scopes", scopes);
        f.put("issues_refresh_tokens", spec.oauth().scopes().contains(OauthScope.REFRESH_TOKEN));
        f.put("refresh_token_policy", p.refreshTokenPolicy().token());
        f.put("refresh_token_days", refreshTokenDays(p));
        f.put("refresh_token_rotation", g.refreshTokenRotationEnabled());
        f.put("permitted_users", p.permittedUsers().token());
        f.put("ip_relaxation", p.ipRelaxation().token());
        f.put("trusted_ip_ranges", spec.oauth().trustedIpRanges().stream()
                .map(r -> r.startIpAddress() + "-" + r.endIpAddress()).toList());
        f.put("pkce_required", g.pkceRequired());
        f.put("secret_required_for_web_server_flow", g.secretRequiredForWebServerFlow());
        boolean clientCredentials = g.clientCredentialsFlowEnabled() || p.clientCredentialsFlowEnabled();
        f.put("public_client", g.consumerSecretOptional() && !clientCredentials && !g.jwtBearerEnabled());
        f.put("web_client", g.callbackUrls().stream().anyMatch(PostureFacts::isWebServer));
        f.put("jwt_bearer", g.jwtBearerEnabled());
        f.put("client_credentials_enabled", clientCredentials);
        f.put("client_credentials_user", p.clientCredentialsFlowUser());
        f.put("callback_urls", g.callbackUrls());
        f.put("credential_age_days", credentialAgeDays);
        f.put("owner", owner == null || owner.isBlank() ? null : owner);
        return new PostureFacts(f);
    }

    /** These facts for another app with the same settings: its own owner and credential age. */
    PostureFacts withOwnerAndAge(String owner, Long credentialAgeDays) {
        Map<String, Object> f = new LinkedHashMap<>(values);
        f.put("credential_age_days", credentialAgeDays);
        f.put("owner", owner == null || owner.isBlank() ? null : owner);
        return new PostureFacts(f);
    }

    /** The value of fact {@code name} (String, Boolean, Number, List of String) or null. */
    public Object get(String name) {
        return values.get(name);
    }

    Map<String, Object> values() {
        return values;
    }

    /** Days a refresh token stays valid (lifetime or inactivity), or null when unlimited or unset. */
    private static Long refreshTokenDays(OauthPolicies p) {
        if (p.refreshTokenPolicy() != RefreshTokenPolicy.SPECIFIC_LIFETIME
                && p.refreshTokenPolicy() != RefreshTokenPolicy.SPECIFIC_INACTIVITY) return null;
        Integer period = p.refreshTokenValidityPeriod();
        if (period == null) return null;
        RefreshTokenValidityUnit unit = p.refreshTokenValidityUnit() == null ? RefreshTokenValidityUnit.DAYS
                : p.refreshTokenValidityUnit();
        return switch (unit) {
            case HOURS -> (long) Math.ceil(period / 24.0);
            case DAYS -> (long) period;
            case MONTHS -> (long) period * DAYS_PER_MONTH;
        };
    }

    /**
     * An https (or http) callback on a host that is not this computer: a server receives the code. Salesforce's own
     * placeholder ({@code .../services/oauth2/success}, common on JWT bearer apps) is not a client's server.
     */
    private static boolean isWebServer(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (uri.getPath() != null && uri.getPath().endsWith("/services/oauth2/success")) return false;
            return (scheme.equals("https") || scheme.equals("http")) && !host.isEmpty()
                    && !host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("[::1]");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
