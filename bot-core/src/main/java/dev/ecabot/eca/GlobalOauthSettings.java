package dev.ecabot.eca;

import java.util.List;

/**
 * ExtlClntAppGlobalOauthSettings: callback URLs, the JWT bearer certificate, and the "Security" and
 * "Flow Enablement" checkboxes. {@link #defaults(List)} gives Salesforce's defaults for a new app.
 * The consumer key and secret are never part of the intended settings: Salesforce generates them.
 */
public record GlobalOauthSettings(
        List<String> callbackUrls,
        String certificate,
        boolean pkceRequired,
        boolean consumerSecretOptional,
        boolean secretRequiredForRefreshToken,
        boolean refreshTokenRotationEnabled,
        boolean namedUserJwtEnabled,
        boolean clientCredentialsFlowEnabled,
        boolean codeCredFlowEnabled,
        boolean codeCredPostOnly,
        boolean deviceFlowEnabled,
        boolean tokenExchangeEnabled,
        boolean secretRequiredForTokenExchange,
        boolean introspectAllTokens) {

    public GlobalOauthSettings {
        callbackUrls = List.copyOf(callbackUrls);
    }

    /** Salesforce's defaults: PKCE required, secret required for web server and refresh token flows, no flow on. */
    public static GlobalOauthSettings defaults(List<String> callbackUrls) {
        return new GlobalOauthSettings(callbackUrls, null, true, false, true, false, false,
                false, false, false, false, false, false, false);
    }

    /** "Require secret for Web Server Flow" as Setup shows it (the metadata stores the inverse). */
    public boolean secretRequiredForWebServerFlow() {
        return !consumerSecretOptional;
    }

    /** True when the JWT bearer flow is possible, i.e. a certificate is uploaded. */
    public boolean jwtBearerEnabled() {
        return certificate != null && !certificate.isBlank();
    }
}
