package dev.ecabot.eca;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns each part of an {@link EcaSpec} into the XML element of its metadata type, element names as in files
 * Salesforce retrieves. Never writes consumerKey, consumerSecret, oauthLink or orgScopedExternalApp: Salesforce
 * generates those and rejects values copied from elsewhere. Stateless.
 */
final class EcaComponentXml {

    /**
     * Several callback URLs go into the one callbackUrl element, one per line: Setup's field takes one URL per line
     * (as the Connected App callbackUrl does), and public sf projects deploy newline-separated lists that Salesforce
     * keeps as several URLs. A URL cannot contain a raw newline, so the split back is unambiguous.
     */
    static final String CALLBACK_URL_SEPARATOR = "\n";
    /** Salesforce writes retrieved scope lists as "Api, RefreshToken". */
    static final String SCOPE_SEPARATOR = ", ";
    /** Permission set, profile and custom scope lists: names never contain commas, so a bare comma is enough. */
    static final String NAME_LIST_SEPARATOR = ",";

    private EcaComponentXml() {
    }

    static MetadataXml app(EcaSpec spec) {
        AppInfo app = spec.app();
        return new MetadataXml(EcaComponentType.APP.xmlName())
                .text("contactEmail", app.contactEmail())
                .text("contactPhone", app.contactPhone())
                .text("description", app.description())
                .token("distributionState", app.distributionState())
                .text("iconUrl", app.iconUrl())
                .bool("isProtected", false)
                .text("label", app.label())
                .text("logoUrl", app.logoUrl());
    }

    static MetadataXml globalOauth(EcaSpec spec) {
        GlobalOauthSettings g = spec.globalOauth();
        return companion(EcaComponentType.GLOBAL_OAUTH, spec)
                .text("callbackUrl", g.callbackUrls().isEmpty() ? null : String.join(CALLBACK_URL_SEPARATOR, g.callbackUrls()))
                .text("certificate", g.jwtBearerEnabled() ? g.certificate().strip() : null)
                .bool("isClientCredentialsFlowEnabled", g.clientCredentialsFlowEnabled())
                .bool("isCodeCredFlowEnabled", g.codeCredFlowEnabled())
                .bool("isCodeCredPostOnly", g.codeCredPostOnly())
                .bool("isConsumerSecretOptional", g.consumerSecretOptional())
                .bool("isDeviceFlowEnabled", g.deviceFlowEnabled())
                .bool("isIntrospectAllTokens", g.introspectAllTokens())
                .bool("isNamedUserJwtEnabled", g.namedUserJwtEnabled())
                .bool("isPkceRequired", g.pkceRequired())
                .bool("isRefreshTokenRotationEnabled", g.refreshTokenRotationEnabled())
                .bool("isSecretRequiredForRefreshToken", g.secretRequiredForRefreshToken())
                .bool("isSecretRequiredForTokenExchange", g.secretRequiredForTokenExchange())
                .bool("isTokenExchangeEnabled", g.tokenExchangeEnabled())
                // true would make Salesforce generate new credentials on every deploy of the same spec
                .bool("shouldRotateConsumerKey", false)
                .bool("shouldRotateConsumerSecret", false);
    }

    static MetadataXml oauthSettings(EcaSpec spec) {
        OauthSettings o = spec.oauth();
        MetadataXml xml = companion(EcaComponentType.OAUTH_SETTINGS, spec)
                .text("commaSeparatedOauthScopes", o.scopes().isEmpty() ? null
                        : o.scopes().stream().map(OauthScope::token).collect(Collectors.joining(SCOPE_SEPARATOR)))
                .text("singleLogoutUrl", o.singleLogoutUrl());
        for (TrustedIpRange range : o.trustedIpRanges()) {
            xml.nested(new MetadataXml("trustedIpRanges")
                    .text("description", range.description())
                    .text("endIpAddress", range.endIpAddress())
                    .text("startIpAddress", range.startIpAddress()));
        }
        return xml;
    }

    static MetadataXml oauthPolicies(EcaSpec spec) {
        OauthPolicies p = spec.policies();
        return companion(EcaComponentType.OAUTH_POLICIES, spec)
                .text("clientCredentialsFlowUser", p.clientCredentialsFlowUser())
                .text("commaSeparatedCustomScopes", joinNames(p.customScopes()))
                .text("commaSeparatedPermissionSet", joinNames(p.permissionSets()))
                .text("commaSeparatedProfile", joinNames(p.profiles()))
                .token("ipRelaxationPolicyType", p.ipRelaxation())
                .bool("isClientCredentialsFlowEnabled", p.clientCredentialsFlowEnabled())
                .bool("isTokenExchangeFlowEnabled", p.tokenExchangeFlowEnabled())
                .token("permittedUsersPolicyType", p.permittedUsers())
                .token("policyAction", p.policyAction())
                .token("refreshTokenPolicyType", p.refreshTokenPolicy())
                .integer("refreshTokenValidityPeriod", p.refreshTokenValidityPeriod())
                .token("refreshTokenValidityUnit", p.refreshTokenValidityUnit())
                .token("requiredSessionLevel", p.requiredSessionLevel())
                .integer("sessionTimeoutInMinutes", p.sessionTimeoutInMinutes())
                .text("singleLogoutUrl", p.singleLogoutUrl())
                .text("startUrl", p.startUrl());
    }

    /** The app's plugin switchboard: enabled, with the OAuth plugin on (every app the bot makes is an OAuth app). */
    static MetadataXml policies(EcaSpec spec) {
        return companion(EcaComponentType.POLICIES, spec)
                .bool("isEnabled", true)
                .bool("isOauthPluginEnabled", true);
    }

    /** A companion file: its label (the member name, as Setup labels them) and the app it belongs to. */
    private static MetadataXml companion(EcaComponentType type, EcaSpec spec) {
        return new MetadataXml(type.xmlName())
                .text("externalClientApplication", spec.apiName())
                .text("label", type.memberName(spec.apiName()));
    }

    private static String joinNames(List<String> names) {
        return names.isEmpty() ? null : String.join(NAME_LIST_SEPARATOR, names);
    }
}
