package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.message.Fact;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.MetadataToken;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.TrustedIpRange;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every setting of an {@link EcaSpec} that matters to the person confirming it, as facts grouped the way
 * Setup groups them (basic information, OAuth, security, flows, policies), with Setup's labels.
 * Settings left at an "off" default (no certificate, no trusted IP range) are shown only when set.
 */
public final class SpecFacts {

    private SpecFacts() {
    }

    public static List<Fact> of(EcaSpec spec) {
        return of(spec, false);
    }

    /**
     * As {@link #of(EcaSpec)}; with {@code detail}, each policy in Setup's words is followed by the metadata value it
     * deploys as, e.g. "Relax IP restrictions (Bypass)", for an admin who asks ({@code show <app> detail}).
     */
    public static List<Fact> of(EcaSpec spec, boolean detail) {
        List<Fact> facts = new ArrayList<>();
        app(facts, spec.app());
        oauth(facts, spec.oauth(), spec.globalOauth());
        security(facts, spec.globalOauth());
        policies(facts, spec.policies(), detail);
        return facts;
    }

    private static void app(List<Fact> facts, AppInfo app) {
        String s = "App";
        facts.add(new Fact(s, "Name", app.label()));
        facts.add(new Fact(s, "API name", app.apiName()));
        if (app.contactEmail() != null) facts.add(new Fact(s, "Contact email", app.contactEmail()));
        if (app.description() != null) facts.add(new Fact(s, "Description", app.description()));
        facts.add(new Fact(s, "Distribution state", app.distributionState().token()));
        if (app.logoUrl() != null) facts.add(new Fact(s, "Logo URL", app.logoUrl()));
    }

    private static void oauth(List<Fact> facts, OauthSettings oauth, GlobalOauthSettings global) {
        String s = "OAuth";
        facts.add(new Fact(s, "Callback URLs", global.callbackUrls().isEmpty() ? "(none)"
                : String.join(", ", global.callbackUrls())));
        facts.add(new Fact(s, "OAuth scopes",
                oauth.scopes().stream().map(OauthScope::setupLabel).collect(Collectors.joining("; "))));
        if (!oauth.trustedIpRanges().isEmpty()) {
            facts.add(new Fact(s, "Trusted IP ranges", oauth.trustedIpRanges().stream()
                    .map(SpecFacts::range).collect(Collectors.joining(", "))));
        }
        if (oauth.singleLogoutUrl() != null) facts.add(new Fact(s, "Single logout URL", oauth.singleLogoutUrl()));
    }

    private static void security(List<Fact> facts, GlobalOauthSettings g) {
        String s = "Security and flows";
        facts.add(new Fact(s, "Require secret for Web Server Flow", yesNo(g.secretRequiredForWebServerFlow())));
        facts.add(new Fact(s, "Require secret for Refresh Token Flow", yesNo(g.secretRequiredForRefreshToken())));
        facts.add(new Fact(s, "Require PKCE", yesNo(g.pkceRequired())));
        facts.add(new Fact(s, "Enable Refresh Token Rotation", yesNo(g.refreshTokenRotationEnabled())));
        facts.add(new Fact(s, "Issue JWT-based access tokens for named users", yesNo(g.namedUserJwtEnabled())));
        facts.add(new Fact(s, "Enable Client Credentials Flow", yesNo(g.clientCredentialsFlowEnabled())));
        facts.add(new Fact(s, "Enable Authorization Code and Credentials Flow", yesNo(g.codeCredFlowEnabled())));
        facts.add(new Fact(s, "Enable Device Flow", yesNo(g.deviceFlowEnabled())));
        facts.add(new Fact(s, "Enable Token Exchange Flow", yesNo(g.tokenExchangeEnabled())));
        facts.add(new Fact(s, "JWT Bearer Flow (certificate)", g.jwtBearerEnabled() ? "yes, certificate uploaded" : "no"));
    }

    private static void policies(List<Fact> facts, OauthPolicies p, boolean detail) {
        String s = "Policies";
        facts.add(new Fact(s, "Permitted users", withToken(switch (p.permittedUsers()) {
            case ALL_SELF_AUTHORIZED -> "All users may self-authorize";
            case ADMIN_APPROVED_PRE_AUTHORIZED -> "Admin approved users are pre-authorized";
        }, p.permittedUsers(), detail)));
        if (!p.permissionSets().isEmpty()) facts.add(new Fact(s, "Permission sets", String.join(", ", p.permissionSets())));
        if (!p.profiles().isEmpty()) facts.add(new Fact(s, "Profiles", String.join(", ", p.profiles())));
        facts.add(new Fact(s, "IP relaxation", withToken(switch (p.ipRelaxation()) {
            case ENFORCE -> "Enforce IP restrictions";
            case ENFORCE_RELAX_REFRESH -> "Enforce IP restrictions, but relax for refresh tokens";
            case BYPASS -> "Relax IP restrictions";
            case BYPASS_2FACTOR -> "Relax IP restrictions with second factor";
        }, p.ipRelaxation(), detail)));
        String period = p.refreshTokenValidityPeriod() == null ? "" : " " + p.refreshTokenValidityPeriod() + " "
                + token(p.refreshTokenValidityUnit()).toLowerCase(java.util.Locale.ROOT);
        facts.add(new Fact(s, "Refresh token policy", withToken(switch (p.refreshTokenPolicy()) {
            case INFINITE -> "Refresh token is valid until revoked";
            case ZERO -> "Immediately expire refresh token";
            case SPECIFIC_LIFETIME -> "Expire refresh token after" + period;
            case SPECIFIC_INACTIVITY -> "Expire refresh token if not used for" + period;
        }, p.refreshTokenPolicy(), detail)));
        if (p.clientCredentialsFlowEnabled() || p.clientCredentialsFlowUser() != null) {
            facts.add(new Fact(s, "Client credentials run-as user",
                    p.clientCredentialsFlowUser() == null ? "(none)" : p.clientCredentialsFlowUser()));
        }
        String action = p.policyAction() == null ? null : switch (p.policyAction()) {
            case BLOCK -> "Block";
            case RAISE_SESSION_LEVEL -> "Switch to high assurance";
        };
        String session = switch (p.requiredSessionLevel()) {
            case HIGH_ASSURANCE -> "High assurance session required" + (action == null ? "" : ": " + action);
            case STANDARD -> "Standard (no high assurance session required)";
            case LOW -> "Low assurance session allowed";
        };
        if (detail) {
            session += " (" + p.requiredSessionLevel().token()
                    + (p.policyAction() == null ? "" : ", " + p.policyAction().token()) + ")";
        }
        facts.add(new Fact(s, "Session policy", session));
        if (p.sessionTimeoutInMinutes() != null) {
            facts.add(new Fact(s, "Session timeout", p.sessionTimeoutInMinutes() + " minutes"));
        }
        if (p.singleLogoutUrl() != null) facts.add(new Fact(s, "Single logout URL", p.singleLogoutUrl()));
        if (p.startUrl() != null) facts.add(new Fact(s, "Start URL", p.startUrl()));
    }

    private static String withToken(String setupWords, MetadataToken value, boolean detail) {
        return detail ? setupWords + " (" + value.token() + ")" : setupWords;
    }

    private static String range(TrustedIpRange r) {
        return r.startIpAddress().equals(r.endIpAddress()) ? r.startIpAddress()
                : r.startIpAddress() + "-" + r.endIpAddress();
    }

    private static String token(MetadataToken t) {
        return t == null ? "" : t.token();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
