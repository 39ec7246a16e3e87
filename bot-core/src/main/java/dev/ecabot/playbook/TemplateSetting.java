package dev.ecabot.playbook;

import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.eca.PolicyAction;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.eca.SessionLevel;
import dev.ecabot.eca.TrustedIpRange;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Every setting a playbook template may set, named after Setup's sections and labels ({@code section.key} in
 * playbook files), with its value type and the metadata field it fills. The one map from playbook names to EcaSpec.
 */
enum TemplateSetting {
    // Setup: Basic Information (ExternalClientApplication)
    NAME("basic_information", "name", SettingKind.TEXT, "label", (d, v) -> d.label = (String) v),
    API_NAME("basic_information", "api_name", SettingKind.TEXT, "fullName", (d, v) -> d.apiName = (String) v),
    CONTACT_EMAIL("basic_information", "contact_email", SettingKind.TEXT, "contactEmail", (d, v) -> d.contactEmail = (String) v),
    CONTACT_PHONE("basic_information", "contact_phone", SettingKind.TEXT, "contactPhone", (d, v) -> d.contactPhone = (String) v),
    DESCRIPTION("basic_information", "description", SettingKind.TEXT, "description", (d, v) -> d.description = (String) v),
    DISTRIBUTION_STATE("basic_information", "distribution_state", SettingKind.token(DistributionState.class),
            "distributionState", (d, v) -> d.distributionState = (DistributionState) v),
    LOGO_URL("basic_information", "logo_url", SettingKind.TEXT, "logoUrl", (d, v) -> d.logoUrl = (String) v),
    ICON_URL("basic_information", "icon_url", SettingKind.TEXT, "iconUrl", (d, v) -> d.iconUrl = (String) v),

    // Setup: API (Enable OAuth Settings)
    CALLBACK_URLS("oauth_settings", "callback_urls", SettingKind.URL_LIST, "ExtlClntAppGlobalOauthSettings.callbackUrl",
            (d, v) -> d.global.callbackUrls(strings(v))),
    SCOPES("oauth_settings", "scopes", SettingKind.SCOPES, "ExtlClntAppOauthSettings.commaSeparatedOauthScopes",
            (d, v) -> d.scopes = scopes(v)),
    SINGLE_LOGOUT_URL("oauth_settings", "single_logout_url", SettingKind.TEXT, "ExtlClntAppOauthSettings.singleLogoutUrl",
            (d, v) -> d.singleLogoutUrl = (String) v),

    // Setup: Flow Enablement
    CLIENT_CREDENTIALS_FLOW("flow_enablement", "client_credentials_flow", SettingKind.BOOLEAN,
            "isClientCredentialsFlowEnabled", (d, v) -> d.global.clientCredentialsFlowEnabled((Boolean) v)),
    AUTHORIZATION_CODE_AND_CREDENTIALS_FLOW("flow_enablement", "authorization_code_and_credentials_flow",
            SettingKind.BOOLEAN, "isCodeCredFlowEnabled", (d, v) -> d.global.codeCredFlowEnabled((Boolean) v)),
    AUTHORIZATION_CODE_AND_CREDENTIALS_POST_ONLY("flow_enablement", "authorization_code_and_credentials_post_only",
            SettingKind.BOOLEAN, "isCodeCredPostOnly", (d, v) -> d.global.codeCredPostOnly((Boolean) v)),
    DEVICE_FLOW("flow_enablement", "device_flow", SettingKind.BOOLEAN, "isDeviceFlowEnabled",
            (d, v) -> d.global.deviceFlowEnabled((Boolean) v)),
    TOKEN_EXCHANGE_FLOW("flow_enablement", "token_exchange_flow", SettingKind.BOOLEAN, "isTokenExchangeEnabled",
            (d, v) -> d.global.tokenExchangeEnabled((Boolean) v)),
    JWT_BEARER_CERTIFICATE("flow_enablement", "jwt_bearer_certificate", SettingKind.TEXT, "certificate",
            (d, v) -> d.global.certificate((String) v)),

    // Setup: Security
    REQUIRE_SECRET_FOR_WEB_SERVER_FLOW("security", "require_secret_for_web_server_flow", SettingKind.BOOLEAN,
            "isConsumerSecretOptional (inverted)", (d, v) -> d.global.consumerSecretOptional(!(Boolean) v)),
    REQUIRE_SECRET_FOR_REFRESH_TOKEN_FLOW("security", "require_secret_for_refresh_token_flow", SettingKind.BOOLEAN,
            "isSecretRequiredForRefreshToken", (d, v) -> d.global.secretRequiredForRefreshToken((Boolean) v)),
    REQUIRE_PKCE("security", "require_pkce", SettingKind.BOOLEAN, "isPkceRequired",
            (d, v) -> d.global.pkceRequired((Boolean) v)),
    REFRESH_TOKEN_ROTATION("security", "refresh_token_rotation", SettingKind.BOOLEAN, "isRefreshTokenRotationEnabled",
            (d, v) -> d.global.refreshTokenRotationEnabled((Boolean) v)),
    JWT_ACCESS_TOKENS_FOR_NAMED_USERS("security", "jwt_access_tokens_for_named_users", SettingKind.BOOLEAN,
            "isNamedUserJwtEnabled", (d, v) -> d.global.namedUserJwtEnabled((Boolean) v)),
    REQUIRE_SECRET_FOR_TOKEN_EXCHANGE("security", "require_secret_for_token_exchange", SettingKind.BOOLEAN,
            "isSecretRequiredForTokenExchange", (d, v) -> d.global.secretRequiredForTokenExchange((Boolean) v)),
    INTROSPECT_ALL_TOKENS("security", "introspect_all_tokens", SettingKind.BOOLEAN, "isIntrospectAllTokens",
            (d, v) -> d.global.introspectAllTokens((Boolean) v)),

    // Setup: Policies tab (ExtlClntAppOauthConfigurablePolicies; trusted IP ranges live in ExtlClntAppOauthSettings)
    PERMITTED_USERS("policies", "permitted_users", SettingKind.token(PermittedUsers.class), "permittedUsersPolicyType",
            (d, v) -> d.policies.permittedUsers((PermittedUsers) v)),
    PERMISSION_SETS("policies", "permission_sets", SettingKind.TEXT_LIST, "commaSeparatedPermissionSet",
            (d, v) -> d.policies.permissionSets(strings(v))),
    PROFILES("policies", "profiles", SettingKind.TEXT_LIST, "commaSeparatedProfile",
            (d, v) -> d.policies.profiles(strings(v))),
    IP_RELAXATION("policies", "ip_relaxation", SettingKind.token(IpRelaxation.class), "ipRelaxationPolicyType",
            (d, v) -> d.policies.ipRelaxation((IpRelaxation) v)),
    TRUSTED_IP_RANGES("policies", "trusted_ip_ranges", SettingKind.IP_RANGES, "ExtlClntAppOauthSettings.trustedIpRanges",
            (d, v) -> d.trustedIpRanges = ipRanges(v)),
    REFRESH_TOKEN_POLICY("policies", "refresh_token_policy", SettingKind.token(RefreshTokenPolicy.class),
            "refreshTokenPolicyType", (d, v) -> d.policies.refreshTokenPolicy((RefreshTokenPolicy) v)),
    REFRESH_TOKEN_VALIDITY_PERIOD("policies", "refresh_token_validity_period", SettingKind.INTEGER,
            "refreshTokenValidityPeriod", (d, v) -> d.policies.refreshTokenValidityPeriod((Integer) v)),
    REFRESH_TOKEN_VALIDITY_UNIT("policies", "refresh_token_validity_unit", SettingKind.token(RefreshTokenValidityUnit.class),
            "refreshTokenValidityUnit", (d, v) -> d.policies.refreshTokenValidityUnit((RefreshTokenValidityUnit) v)),
    POLICY_CLIENT_CREDENTIALS_FLOW("policies", "client_credentials_flow", SettingKind.BOOLEAN,
            "isClientCredentialsFlowEnabled", (d, v) -> d.policies.clientCredentialsFlowEnabled((Boolean) v)),
    RUN_AS_USER("policies", "run_as_user", SettingKind.TEXT, "clientCredentialsFlowUser",
            (d, v) -> d.policies.clientCredentialsFlowUser((String) v)),
    POLICY_TOKEN_EXCHANGE_FLOW("policies", "token_exchange_flow", SettingKind.BOOLEAN, "isTokenExchangeFlowEnabled",
            (d, v) -> d.policies.tokenExchangeFlowEnabled((Boolean) v)),
    SESSION_LEVEL("policies", "session_level", SettingKind.token(SessionLevel.class), "requiredSessionLevel",
            (d, v) -> d.policies.requiredSessionLevel((SessionLevel) v)),
    SESSION_LEVEL_ACTION("policies", "session_level_action", SettingKind.token(PolicyAction.class), "policyAction",
            (d, v) -> d.policies.policyAction((PolicyAction) v)),
    SESSION_TIMEOUT_MINUTES("policies", "session_timeout_minutes", SettingKind.INTEGER, "sessionTimeoutInMinutes",
            (d, v) -> d.policies.sessionTimeoutInMinutes((Integer) v)),
    START_URL("policies", "start_url", SettingKind.TEXT, "startUrl", (d, v) -> d.policies.startUrl((String) v)),
    CUSTOM_SCOPES("policies", "custom_scopes", SettingKind.TEXT_LIST, "commaSeparatedCustomScopes",
            (d, v) -> d.policies.customScopes(strings(v)));

    private final String section;
    private final String key;
    private final SettingKind kind;
    private final String metadataField;
    private final BiConsumer<EcaDraft, Object> apply;

    TemplateSetting(String section, String key, SettingKind kind, String metadataField, BiConsumer<EcaDraft, Object> apply) {
        this.section = section;
        this.key = key;
        this.kind = kind;
        this.metadataField = metadataField;
        this.apply = apply;
    }

    /** The dotted name used in playbook files and messages, e.g. {@code security.require_pkce}. */
    String path() {
        return section + "." + key;
    }

    String section() {
        return section;
    }

    String key() {
        return key;
    }

    SettingKind kind() {
        return kind;
    }

    /** The Salesforce metadata field this setting fills (for documentation and messages). */
    String metadataField() {
        return metadataField;
    }

    /** Converts {@code value} to this setting's type and writes it into the draft. */
    void applyTo(EcaDraft draft, Object value) {
        apply.accept(draft, kind.convert(value));
    }

    static Optional<TemplateSetting> find(String section, String key) {
        for (TemplateSetting s : values()) {
            if (s.section.equals(section) && s.key.equals(key)) return Optional.of(s);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return (List<String>) (List<?>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<OauthScope> scopes(Object v) {
        return (List<OauthScope>) (List<?>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<TrustedIpRange> ipRanges(Object v) {
        return (List<TrustedIpRange>) (List<?>) v;
    }
}
