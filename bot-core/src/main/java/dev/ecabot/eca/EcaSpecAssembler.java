package dev.ecabot.eca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps parsed components to the parts of an {@link EcaSpec}. An element that is absent takes Salesforce's
 * default, as does a whole companion that is absent. Stateless.
 */
final class EcaSpecAssembler {

    private EcaSpecAssembler() {
    }

    static AppInfo appInfo(EcaComponent c) {
        ComponentFields f = c.fields();
        return new AppInfo(c.fullName(),
                f.text("label").orElse(c.fullName()),
                f.text("contactEmail").orElse(null),
                f.text("contactPhone").orElse(null),
                f.text("description").orElse(null),
                f.token("distributionState", DistributionState.class),
                f.text("logoUrl").orElse(null),
                f.text("iconUrl").orElse(null));
    }

    static GlobalOauthSettings globalOauth(EcaComponent c) {
        ComponentFields f = c.fields();
        GlobalOauthSettings defaults = GlobalOauthSettings.builder().build();
        return GlobalOauthSettings.builder()
                .callbackUrls(callbackUrls(f))
                .certificate(f.text("certificate").orElse(null))
                .pkceRequired(f.bool("isPkceRequired", defaults.pkceRequired()))
                .consumerSecretOptional(f.bool("isConsumerSecretOptional", defaults.consumerSecretOptional()))
                .secretRequiredForRefreshToken(f.bool("isSecretRequiredForRefreshToken", defaults.secretRequiredForRefreshToken()))
                .refreshTokenRotationEnabled(f.bool("isRefreshTokenRotationEnabled", defaults.refreshTokenRotationEnabled()))
                .namedUserJwtEnabled(f.bool("isNamedUserJwtEnabled", defaults.namedUserJwtEnabled()))
                .clientCredentialsFlowEnabled(f.bool("isClientCredentialsFlowEnabled", defaults.clientCredentialsFlowEnabled()))
                .codeCredFlowEnabled(f.bool("isCodeCredFlowEnabled", defaults.codeCredFlowEnabled()))
                .codeCredPostOnly(f.bool("isCodeCredPostOnly", defaults.codeCredPostOnly()))
                .deviceFlowEnabled(f.bool("isDeviceFlowEnabled", defaults.deviceFlowEnabled()))
                .tokenExchangeEnabled(f.bool("isTokenExchangeEnabled", defaults.tokenExchangeEnabled()))
                .secretRequiredForTokenExchange(f.bool("isSecretRequiredForTokenExchange", defaults.secretRequiredForTokenExchange()))
                .introspectAllTokens(f.bool("isIntrospectAllTokens", defaults.introspectAllTokens()))
                .build();
    }

    /** One URL per line (see {@link EcaComponentXml#CALLBACK_URL_SEPARATOR}); blank lines and spaces dropped. */
    private static List<String> callbackUrls(ComponentFields f) {
        return f.text("callbackUrl").map(value -> Arrays.stream(value.split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    static OauthSettings oauthSettings(EcaComponent c) {
        ComponentFields f = c.fields();
        List<OauthScope> scopes = new ArrayList<>();
        for (String token : f.commaSeparated("commaSeparatedOauthScopes")) {
            OauthScope scope = f.parse("commaSeparatedOauthScopes", token, OauthScope::fromToken);
            if (!scopes.contains(scope)) scopes.add(scope); // OfflineAccess and RefreshToken are one scope
        }
        List<TrustedIpRange> ranges = new ArrayList<>();
        for (ComponentFields range : f.nested("trustedIpRanges")) {
            ranges.add(new TrustedIpRange(
                    range.text("startIpAddress").orElseThrow(() -> range.error("startIpAddress", "is missing")),
                    range.text("endIpAddress").orElseThrow(() -> range.error("endIpAddress", "is missing")),
                    range.text("description").orElse(null)));
        }
        return new OauthSettings(scopes, ranges, f.text("singleLogoutUrl").orElse(null));
    }

    static OauthPolicies oauthPolicies(EcaComponent c) {
        ComponentFields f = c.fields();
        return OauthPolicies.builder()
                .permittedUsers(f.token("permittedUsersPolicyType", PermittedUsers.class))
                .permissionSets(f.commaSeparated("commaSeparatedPermissionSet"))
                .profiles(f.commaSeparated("commaSeparatedProfile"))
                .ipRelaxation(f.token("ipRelaxationPolicyType", IpRelaxation.class))
                .refreshTokenPolicy(f.token("refreshTokenPolicyType", RefreshTokenPolicy.class))
                .refreshTokenValidityPeriod(f.integer("refreshTokenValidityPeriod"))
                .refreshTokenValidityUnit(f.token("refreshTokenValidityUnit", RefreshTokenValidityUnit.class))
                .clientCredentialsFlowEnabled(f.bool("isClientCredentialsFlowEnabled", false))
                .clientCredentialsFlowUser(f.text("clientCredentialsFlowUser").orElse(null))
                .requiredSessionLevel(f.token("requiredSessionLevel", SessionLevel.class))
                .policyAction(f.token("policyAction", PolicyAction.class))
                .sessionTimeoutInMinutes(f.integer("sessionTimeoutInMinutes"))
                .singleLogoutUrl(f.text("singleLogoutUrl").orElse(null))
                .startUrl(f.text("startUrl").orElse(null))
                .tokenExchangeFlowEnabled(f.bool("isTokenExchangeFlowEnabled", false))
                .customScopes(f.commaSeparated("commaSeparatedCustomScopes"))
                .build();
    }
}
