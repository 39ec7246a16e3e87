package dev.ecabot.eca;

import java.util.List;

/**
 * ExtlClntAppOauthConfigurablePolicies (the "Policies" tab): who may use the app, IP relaxation,
 * refresh token lifetime, the client credentials run-as user and the session level.
 * {@link #defaults()} gives what Salesforce fills in when a deploy omits the file.
 */
public record OauthPolicies(
        PermittedUsers permittedUsers,
        List<String> permissionSets,
        List<String> profiles,
        IpRelaxation ipRelaxation,
        RefreshTokenPolicy refreshTokenPolicy,
        Integer refreshTokenValidityPeriod,
        RefreshTokenValidityUnit refreshTokenValidityUnit,
        boolean clientCredentialsFlowEnabled,
        String clientCredentialsFlowUser,
        SessionLevel requiredSessionLevel,
        PolicyAction policyAction,
        Integer sessionTimeoutInMinutes,
        String singleLogoutUrl,
        String startUrl) {

    public OauthPolicies {
        permittedUsers = permittedUsers == null ? PermittedUsers.ALL_SELF_AUTHORIZED : permittedUsers;
        permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        ipRelaxation = ipRelaxation == null ? IpRelaxation.ENFORCE : ipRelaxation;
        refreshTokenPolicy = refreshTokenPolicy == null ? RefreshTokenPolicy.INFINITE : refreshTokenPolicy;
        requiredSessionLevel = requiredSessionLevel == null ? SessionLevel.STANDARD : requiredSessionLevel;
    }

    /** All users may self-authorize, IP restrictions enforced, refresh tokens valid until revoked. */
    public static OauthPolicies defaults() {
        return new OauthPolicies(null, null, null, null, null, null, null,
                false, null, null, null, null, null, null);
    }
}
