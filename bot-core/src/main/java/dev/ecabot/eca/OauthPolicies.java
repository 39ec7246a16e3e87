package dev.ecabot.eca;

import java.util.List;

/**
 * ExtlClntAppOauthConfigurablePolicies (the "Policies" tab): who may use the app, IP relaxation,
 * refresh token lifetime, the client credentials run-as user, the session level and custom scopes.
 * {@link #defaults()} and {@link #builder()} give what Salesforce fills in when a deploy omits the file.
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
        String startUrl,
        boolean tokenExchangeFlowEnabled,
        List<String> customScopes) {

    public OauthPolicies {
        permittedUsers = permittedUsers == null ? PermittedUsers.ALL_SELF_AUTHORIZED : permittedUsers;
        permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        ipRelaxation = ipRelaxation == null ? IpRelaxation.ENFORCE : ipRelaxation;
        if (refreshTokenPolicy == null) {
            // What a real org gives a new app (retrieved files of apps made in Setup: SpecificLifetime, 365 Days).
            refreshTokenPolicy = RefreshTokenPolicy.SPECIFIC_LIFETIME;
            if (refreshTokenValidityPeriod == null) refreshTokenValidityPeriod = DEFAULT_REFRESH_TOKEN_DAYS;
            if (refreshTokenValidityUnit == null) refreshTokenValidityUnit = RefreshTokenValidityUnit.DAYS;
        }
        requiredSessionLevel = requiredSessionLevel == null ? SessionLevel.STANDARD : requiredSessionLevel;
        customScopes = customScopes == null ? List.of() : List.copyOf(customScopes);
    }

    /** Refresh token lifetime of a new app in a real org: 365 days (SpecificLifetime), as retrieved files show. */
    public static final int DEFAULT_REFRESH_TOKEN_DAYS = 365;

    /** The original fourteen settings, without token exchange or custom scopes (both off / empty). */
    public OauthPolicies(PermittedUsers permittedUsers, List<String> permissionSets, List<String> profiles,
                         IpRelaxation ipRelaxation, RefreshTokenPolicy refreshTokenPolicy,
                         Integer refreshTokenValidityPeriod, RefreshTokenValidityUnit refreshTokenValidityUnit,
                         boolean clientCredentialsFlowEnabled, String clientCredentialsFlowUser,
                         SessionLevel requiredSessionLevel, PolicyAction policyAction, Integer sessionTimeoutInMinutes,
                         String singleLogoutUrl, String startUrl) {
        this(permittedUsers, permissionSets, profiles, ipRelaxation, refreshTokenPolicy, refreshTokenValidityPeriod,
                refreshTokenValidityUnit, clientCredentialsFlowEnabled, clientCredentialsFlowUser, requiredSessionLevel,
                policyAction, sessionTimeoutInMinutes, singleLogoutUrl, startUrl, false, List.of());
    }

    /**
     * All users may self-authorize, IP restrictions enforced, refresh tokens valid 365 days (SpecificLifetime): the
     * policies a real org gives a new app, as files retrieved from orgs show (not Infinite, which the Metadata API
     * guide lists but no org picks by itself).
     */
    public static OauthPolicies defaults() {
        return builder().build();
    }

    /** A builder starting from Salesforce's defaults (see {@link #defaults()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these policies, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .permittedUsers(permittedUsers)
                .permissionSets(permissionSets)
                .profiles(profiles)
                .ipRelaxation(ipRelaxation)
                .refreshTokenPolicy(refreshTokenPolicy)
                .refreshTokenValidityPeriod(refreshTokenValidityPeriod)
                .refreshTokenValidityUnit(refreshTokenValidityUnit)
                .clientCredentialsFlowEnabled(clientCredentialsFlowEnabled)
                .clientCredentialsFlowUser(clientCredentialsFlowUser)
                .requiredSessionLevel(requiredSessionLevel)
                .policyAction(policyAction)
                .sessionTimeoutInMinutes(sessionTimeoutInMinutes)
                .singleLogoutUrl(singleLogoutUrl)
                .startUrl(startUrl)
                .tokenExchangeFlowEnabled(tokenExchangeFlowEnabled)
                .customScopes(customScopes);
    }

    /**
     * Builds {@link OauthPolicies} from Salesforce's defaults, one setter per field; null restores a default.
     * Not thread-safe. It does not cross-check fields: {@link EcaSpecValidator} reports every problem at once.
     */
    public static final class Builder {
        private PermittedUsers permittedUsers;
        private List<String> permissionSets = List.of();
        private List<String> profiles = List.of();
        private IpRelaxation ipRelaxation;
        private RefreshTokenPolicy refreshTokenPolicy;
        private Integer refreshTokenValidityPeriod;
        private RefreshTokenValidityUnit refreshTokenValidityUnit;
        private boolean clientCredentialsFlowEnabled;
        private String clientCredentialsFlowUser;
        private SessionLevel requiredSessionLevel;
        private PolicyAction policyAction;
        private Integer sessionTimeoutInMinutes;
        private String singleLogoutUrl;
        private String startUrl;
        private boolean tokenExchangeFlowEnabled;
        private List<String> customScopes = List.of();

        private Builder() {
        }

        public Builder permittedUsers(PermittedUsers permittedUsers) {
            this.permittedUsers = permittedUsers;
            return this;
        }

        /** Permission sets (API names) whose users are pre-authorized; used with AdminApprovedPreAuthorized. */
        public Builder permissionSets(List<String> permissionSets) {
            this.permissionSets = permissionSets;
            return this;
        }

        public Builder permissionSets(String... permissionSets) {
            return permissionSets(List.of(permissionSets));
        }

        /** Profiles (names) whose users are pre-authorized; used with AdminApprovedPreAuthorized. */
        public Builder profiles(List<String> profiles) {
            this.profiles = profiles;
            return this;
        }

        public Builder profiles(String... profiles) {
            return profiles(List.of(profiles));
        }

        public Builder ipRelaxation(IpRelaxation ipRelaxation) {
            this.ipRelaxation = ipRelaxation;
            return this;
        }

        public Builder refreshTokenPolicy(RefreshTokenPolicy refreshTokenPolicy) {
            this.refreshTokenPolicy = refreshTokenPolicy;
            return this;
        }

        public Builder refreshTokenValidityPeriod(Integer refreshTokenValidityPeriod) {
            this.refreshTokenValidityPeriod = refreshTokenValidityPeriod;
            return this;
        }

        public Builder refreshTokenValidityUnit(RefreshTokenValidityUnit refreshTokenValidityUnit) {
            this.refreshTokenValidityUnit = refreshTokenValidityUnit;
            return this;
        }

        /** Shorthand for a refresh token policy with its period and unit, e.g. SpecificLifetime 30 Days. */
        public Builder refreshToken(RefreshTokenPolicy policy, int period, RefreshTokenValidityUnit unit) {
            return refreshTokenPolicy(policy).refreshTokenValidityPeriod(period).refreshTokenValidityUnit(unit);
        }

        public Builder clientCredentialsFlowEnabled(boolean clientCredentialsFlowEnabled) {
            this.clientCredentialsFlowEnabled = clientCredentialsFlowEnabled;
            return this;
        }

        /** The run-as user (username) of the client credentials flow. */
        public Builder clientCredentialsFlowUser(String clientCredentialsFlowUser) {
            this.clientCredentialsFlowUser = clientCredentialsFlowUser;
            return this;
        }

        public Builder requiredSessionLevel(SessionLevel requiredSessionLevel) {
            this.requiredSessionLevel = requiredSessionLevel;
            return this;
        }

        public Builder policyAction(PolicyAction policyAction) {
            this.policyAction = policyAction;
            return this;
        }

        public Builder sessionTimeoutInMinutes(Integer sessionTimeoutInMinutes) {
            this.sessionTimeoutInMinutes = sessionTimeoutInMinutes;
            return this;
        }

        public Builder singleLogoutUrl(String singleLogoutUrl) {
            this.singleLogoutUrl = singleLogoutUrl;
            return this;
        }

        public Builder startUrl(String startUrl) {
            this.startUrl = startUrl;
            return this;
        }

        public Builder tokenExchangeFlowEnabled(boolean tokenExchangeFlowEnabled) {
            this.tokenExchangeFlowEnabled = tokenExchangeFlowEnabled;
            return this;
        }

        /** Custom scope names (commaSeparatedCustomScopes), e.g. scopes defined by the vendor's resource server. */
        public Builder customScopes(List<String> customScopes) {
            this.customScopes = customScopes;
            return this;
        }

        public Builder customScopes(String... customScopes) {
            return customScopes(List.of(customScopes));
        }

        public OauthPolicies build() {
            return new OauthPolicies(permittedUsers, permissionSets, profiles, ipRelaxation, refreshTokenPolicy,
                    refreshTokenValidityPeriod, refreshTokenValidityUnit, clientCredentialsFlowEnabled,
                    clientCredentialsFlowUser, requiredSessionLevel, policyAction, sessionTimeoutInMinutes,
                    singleLogoutUrl, startUrl, tokenExchangeFlowEnabled, customScopes);
        }
    }
}
