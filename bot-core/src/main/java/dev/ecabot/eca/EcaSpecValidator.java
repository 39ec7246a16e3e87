package dev.ecabot.eca;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an {@link EcaSpec} before it is deployed and lists every problem at once, each naming the field and the
 * fix; an empty list means valid. Custom callback schemes (cursor://...) are refused unless allowed, as a playbook
 * does for desktop clients. Immutable and thread-safe.
 */
public final class EcaSpecValidator {

    /** Salesforce's limit on trusted IP ranges per app. */
    public static final int MAX_TRUSTED_IP_RANGES = 128;
    /** The bot's sanity limit on a refresh token lifetime: ten years in each unit. */
    static final Map<RefreshTokenValidityUnit, Integer> MAX_REFRESH_TOKEN_PERIOD = Map.of(
            RefreshTokenValidityUnit.HOURS, 87_600, RefreshTokenValidityUnit.DAYS, 3_650, RefreshTokenValidityUnit.MONTHS, 120);
    private static final Pattern CUSTOM_SCOPE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final boolean allowCustomSchemes;

    private EcaSpecValidator(boolean allowCustomSchemes) {
        this.allowCustomSchemes = allowCustomSchemes;
    }

    /** Callback URLs must be https (http for localhost only). */
    public static EcaSpecValidator standard() {
        return new EcaSpecValidator(false);
    }

    /** Also accepts custom-scheme callbacks such as cursor://anysphere.cursor-mcp/oauth/callback. */
    public static EcaSpecValidator allowingCustomSchemes() {
        return new EcaSpecValidator(true);
    }

    public List<SpecProblem> validate(EcaSpec spec) {
        Problems problems = new Problems();
        checkApp(spec.app(), problems);
        checkGlobalOauth(spec.globalOauth(), problems);
        checkOauthSettings(spec.oauth(), problems);
        checkPolicies(spec.policies(), problems);
        checkAcrossParts(spec, problems);
        return problems.list;
    }

    private void checkApp(AppInfo app, Problems problems) {
        ApiNames.problems(app.apiName()).forEach(p -> problems.add("app.apiName", p));
        if (app.label().isBlank()) problems.add("app.label", "the app needs a name (label) people will recognise in Setup");
        EcaValueChecks.email(app.contactEmail()).ifPresent(p -> problems.add("app.contactEmail", p));
        if (app.logoUrl() != null) EcaValueChecks.httpsUrl(app.logoUrl()).ifPresent(p -> problems.add("app.logoUrl", p));
        if (app.iconUrl() != null) EcaValueChecks.httpsUrl(app.iconUrl()).ifPresent(p -> problems.add("app.iconUrl", p));
    }

    private void checkGlobalOauth(GlobalOauthSettings g, Problems problems) {
        if (g.callbackUrls().isEmpty()) {
            problems.add("globalOauth.callbackUrls", "at least one callback URL is required for an OAuth app; "
                    + "give the URL the integration's documentation names (e.g. https://vendor.example.com/oauth/callback)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < g.callbackUrls().size(); i++) {
            String url = g.callbackUrls().get(i);
            String field = "globalOauth.callbackUrls[" + i + "]";
            EcaValueChecks.callbackUrl(url, allowCustomSchemes).ifPresent(p -> problems.add(field, p));
            if (!seen.add(url)) problems.add(field, "'" + url + "' is listed twice; keep it once");
        }
        if (g.certificate() != null && !g.certificate().isBlank()) {
            EcaValueChecks.certificate(g.certificate()).ifPresent(p -> problems.add("globalOauth.certificate", p));
        }
        if (g.codeCredPostOnly() && !g.codeCredFlowEnabled()) {
            problems.add("globalOauth.codeCredPostOnly", "POST-only applies to the code and credentials flow, which "
                    + "is off; turn that flow on or turn POST-only off");
        }
    }

    private void checkOauthSettings(OauthSettings o, Problems problems) {
        if (o.scopes().isEmpty()) {
            problems.add("oauth.scopes", "choose at least one OAuth scope, e.g. Manage user data via APIs (api)");
        }
        Set<OauthScope> seen = new HashSet<>();
        for (OauthScope scope : o.scopes()) {
            if (!seen.add(scope)) problems.add("oauth.scopes", "'" + scope.setupLabel() + "' is listed twice; keep it once");
        }
        if (o.trustedIpRanges().size() > MAX_TRUSTED_IP_RANGES) {
            problems.add("oauth.trustedIpRanges", o.trustedIpRanges().size() + " ranges given; Salesforce allows at most "
                    + MAX_TRUSTED_IP_RANGES + " per app, so merge neighbouring ranges or drop the restriction");
        }
        for (int i = 0; i < o.trustedIpRanges().size(); i++) {
            TrustedIpRange range = o.trustedIpRanges().get(i);
            String field = "oauth.trustedIpRanges[" + i + "]";
            EcaValueChecks.ipRange(range.startIpAddress(), range.endIpAddress()).ifPresent(p -> problems.add(field, p));
        }
        if (o.singleLogoutUrl() != null) {
            EcaValueChecks.httpsUrl(o.singleLogoutUrl()).ifPresent(p -> problems.add("oauth.singleLogoutUrl", p));
        }
    }

    private void checkPolicies(OauthPolicies p, Problems problems) {
        checkRefreshToken(p, problems);
        if (p.clientCredentialsFlowEnabled() && (p.clientCredentialsFlowUser() == null || p.clientCredentialsFlowUser().isBlank())) {
            problems.add("policies.clientCredentialsFlowUser", "the client credentials flow needs a run-as user: give the "
                    + "username of an integration user with the API Only permission");
        }
        if (p.permittedUsers() == PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED && p.permissionSets().isEmpty() && p.profiles().isEmpty()) {
            problems.add("policies.permittedUsers", "admin-approved users need at least one permission set or profile; "
                    + "without one no user can complete the OAuth flow (they get a generic authentication failure)");
        }
        if (p.singleLogoutUrl() != null) {
            EcaValueChecks.httpsUrl(p.singleLogoutUrl()).ifPresent(m -> problems.add("policies.singleLogoutUrl", m));
        }
        if (p.sessionTimeoutInMinutes() != null && p.sessionTimeoutInMinutes() <= 0) {
            problems.add("policies.sessionTimeoutInMinutes", "must be a positive number of minutes, or left unset");
        }
        Set<String> seen = new HashSet<>();
        for (String scope : p.customScopes()) {
            if (!CUSTOM_SCOPE_NAME.matcher(scope).matches()) {
                problems.add("policies.customScopes", "'" + scope + "' is not a custom scope name; use letters, digits and underscores");
            } else if (!seen.add(scope)) {
                problems.add("policies.customScopes", "'" + scope + "' is listed twice; keep it once");
            }
        }
    }

    private void checkRefreshToken(OauthPolicies p, Problems problems) {
        RefreshTokenPolicy policy = p.refreshTokenPolicy();
        if (policy != RefreshTokenPolicy.SPECIFIC_LIFETIME && policy != RefreshTokenPolicy.SPECIFIC_INACTIVITY) return;
        Integer period = p.refreshTokenValidityPeriod();
        RefreshTokenValidityUnit unit = p.refreshTokenValidityUnit();
        if (period == null || period <= 0) {
            problems.add("policies.refreshTokenValidityPeriod", policy.token() + " needs a positive validity period, e.g. 30 (days)");
        }
        if (unit == null) {
            problems.add("policies.refreshTokenValidityUnit", policy.token() + " needs a unit: Hours, Days or Months");
        }
        if (period != null && unit != null && period > MAX_REFRESH_TOKEN_PERIOD.get(unit)) {
            problems.add("policies.refreshTokenValidityPeriod", period + " " + unit.token() + " is more than ten years; "
                    + "choose at most " + MAX_REFRESH_TOKEN_PERIOD.get(unit) + " " + unit.token()
                    + ", or 'valid until revoked' (Infinite) if that is really meant");
        }
    }

    /** Settings that live in two files and only work together. */
    private void checkAcrossParts(EcaSpec spec, Problems problems) {
        boolean global = spec.globalOauth().clientCredentialsFlowEnabled();
        boolean policy = spec.policies().clientCredentialsFlowEnabled();
        if (global != policy) {
            problems.add(global ? "policies.clientCredentialsFlowEnabled" : "globalOauth.clientCredentialsFlowEnabled",
                    "the client credentials flow is enabled in the " + (global ? "global OAuth settings" : "policies")
                            + " but not in the " + (global ? "policies" : "global OAuth settings")
                            + "; it works only when enabled in both, so enable it in both or in neither");
        }
        if (spec.policies().tokenExchangeFlowEnabled() && !spec.globalOauth().tokenExchangeEnabled()) {
            problems.add("policies.tokenExchangeFlowEnabled", "the token exchange policy has no effect while the flow is "
                    + "off in the global OAuth settings; enable it there too, or turn the policy off");
        }
    }

    /** Collects problems in the order found. */
    private static final class Problems {
        private final List<SpecProblem> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new SpecProblem(field, message));
        }
    }
}
