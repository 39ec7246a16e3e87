package dev.ecabot.playbook;

import java.util.Map;

/**
 * Traces a problem {@code EcaSpecValidator} found in an EcaSpec field back to where the value came from: the question
 * the template setting refers to (so the requester can fix the answer), else the setting's path (a playbook bug).
 */
final class SpecFieldOrigin {

    /** EcaSpec field (as SpecProblem names it, without any [index]) to the template setting that fills it. */
    private static final Map<String, TemplateSetting> SETTING_BY_FIELD = Map.ofEntries(
            Map.entry("app.apiName", TemplateSetting.API_NAME),
            Map.entry("app.label", TemplateSetting.NAME),
            Map.entry("app.contactEmail", TemplateSetting.CONTACT_EMAIL),
            Map.entry("app.logoUrl", TemplateSetting.LOGO_URL),
            Map.entry("app.iconUrl", TemplateSetting.ICON_URL),
            Map.entry("globalOauth.callbackUrls", TemplateSetting.CALLBACK_URLS),
            Map.entry("globalOauth.certificate", TemplateSetting.JWT_BEARER_CERTIFICATE),
            Map.entry("globalOauth.clientCredentialsFlowEnabled", TemplateSetting.CLIENT_CREDENTIALS_FLOW),
            Map.entry("globalOauth.codeCredPostOnly", TemplateSetting.AUTHORIZATION_CODE_AND_CREDENTIALS_POST_ONLY),
            Map.entry("oauth.scopes", TemplateSetting.SCOPES),
            Map.entry("oauth.trustedIpRanges", TemplateSetting.TRUSTED_IP_RANGES),
            Map.entry("policies.clientCredentialsFlowUser", TemplateSetting.RUN_AS_USER),
            Map.entry("policies.clientCredentialsFlowEnabled", TemplateSetting.POLICY_CLIENT_CREDENTIALS_FLOW),
            Map.entry("policies.permittedUsers", TemplateSetting.PERMITTED_USERS),
            Map.entry("policies.refreshTokenValidityPeriod", TemplateSetting.REFRESH_TOKEN_VALIDITY_PERIOD),
            Map.entry("policies.refreshTokenValidityUnit", TemplateSetting.REFRESH_TOKEN_VALIDITY_UNIT),
            Map.entry("policies.sessionTimeoutInMinutes", TemplateSetting.SESSION_TIMEOUT_MINUTES),
            Map.entry("policies.tokenExchangeFlowEnabled", TemplateSetting.POLICY_TOKEN_EXCHANGE_FLOW),
            Map.entry("policies.customScopes", TemplateSetting.CUSTOM_SCOPES));

    private SpecFieldOrigin() {
    }

    /** The question id behind {@code specField} in the effective template, else the setting path, else the field. */
    static String questionFor(String specField, EcaTemplate effective) {
        String field = specField.replaceAll("\\[\\d+]$", "");
        TemplateSetting setting = SETTING_BY_FIELD.get(field);
        if (setting == null) return specField;
        Object value = effective.values().get(setting);
        if (value == null) return setting.path();
        return PlaybookRenderer.fieldOf(value, setting);
    }
}
