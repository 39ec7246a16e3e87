package dev.ecabot.eca;

import java.util.List;

/**
 * ExtlClntAppGlobalOauthSettings: callback URLs, the JWT bearer certificate, and the "Security" and
 * "Flow Enablement" checkboxes. {@link #defaults(List)} and {@link #builder()} start from Salesforce's defaults
 * for a new app. The consumer key and secret are never part of the intended settings: Salesforce generates them.
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
        callbackUrls = callbackUrls == null ? List.of() : List.copyOf(callbackUrls);
    }

    /** Salesforce's defaults: PKCE required, secret required for web server and refresh token flows, no flow on. */
    public static GlobalOauthSettings defaults(List<String> callbackUrls) {
        return builder().callbackUrls(callbackUrls).build();
    }

    /** A builder starting from Salesforce's defaults and no callback URL. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .callbackUrls(callbackUrls)
                .certificate(certificate)
                .pkceRequired(pkceRequired)
                .consumerSecretOptional(consumerSecretOptional)
                .secretRequiredForRefreshToken(secretRequiredForRefreshToken)
                .refreshTokenRotationEnabled(refreshTokenRotationEnabled)
                .namedUserJwtEnabled(namedUserJwtEnabled)
                .clientCredentialsFlowEnabled(clientCredentialsFlowEnabled)
                .codeCredFlowEnabled(codeCredFlowEnabled)
                .codeCredPostOnly(codeCredPostOnly)
                .deviceFlowEnabled(deviceFlowEnabled)
                .tokenExchangeEnabled(tokenExchangeEnabled)
                .secretRequiredForTokenExchange(secretRequiredForTokenExchange)
                .introspectAllTokens(introspectAllTokens);
    }

    /** "Require secret for Web Server Flow" as Setup shows it (the metadata stores the inverse). */
    public boolean secretRequiredForWebServerFlow() {
        return !consumerSecretOptional;
    }

    /** True when the JWT bearer flow is possible, i.e. a certificate is uploaded. */
    public boolean jwtBearerEnabled() {
        return certificate != null && !certificate.isBlank();
    }

    /**
     * Builds {@link GlobalOauthSettings} from Salesforce's defaults, one setter per field. Not thread-safe.
     * It checks nothing beyond null lists: {@link EcaSpecValidator} reports every problem of a finished spec at once.
     */
    public static final class Builder {
        private List<String> callbackUrls = List.of();
        private String certificate;
        private boolean pkceRequired = true;
        private boolean consumerSecretOptional = false;
        private boolean secretRequiredForRefreshToken = true;
        private boolean refreshTokenRotationEnabled;
        private boolean namedUserJwtEnabled;
        private boolean clientCredentialsFlowEnabled;
        private boolean codeCredFlowEnabled;
        private boolean codeCredPostOnly;
        private boolean deviceFlowEnabled;
        private boolean tokenExchangeEnabled;
        private boolean secretRequiredForTokenExchange;
        private boolean introspectAllTokens;

        private Builder() {
        }

        public Builder callbackUrls(List<String> callbackUrls) {
            this.callbackUrls = callbackUrls == null ? List.of() : List.copyOf(callbackUrls);
            return this;
        }

        public Builder callbackUrls(String... callbackUrls) {
            return callbackUrls(List.of(callbackUrls));
        }

        /** The PEM certificate (or its base64 body) that enables the JWT bearer flow; null for none. */
        public Builder certificate(String certificate) {
            this.certificate = certificate;
            return this;
        }

        public Builder pkceRequired(boolean pkceRequired) {
            this.pkceRequired = pkceRequired;
            return this;
        }

        public Builder consumerSecretOptional(boolean consumerSecretOptional) {
            this.consumerSecretOptional = consumerSecretOptional;
            return this;
        }

        /** "Require secret for Web Server Flow": the inverse of {@link #consumerSecretOptional(boolean)}. */
        public Builder secretRequiredForWebServerFlow(boolean required) {
            return consumerSecretOptional(!required);
        }

        public Builder secretRequiredForRefreshToken(boolean secretRequiredForRefreshToken) {
            this.secretRequiredForRefreshToken = secretRequiredForRefreshToken;
            return this;
        }

        public Builder refreshTokenRotationEnabled(boolean refreshTokenRotationEnabled) {
            this.refreshTokenRotationEnabled = refreshTokenRotationEnabled;
            return this;
        }

        public Builder namedUserJwtEnabled(boolean namedUserJwtEnabled) {
            this.namedUserJwtEnabled = namedUserJwtEnabled;
            return this;
        }

        public Builder clientCredentialsFlowEnabled(boolean clientCredentialsFlowEnabled) {
            this.clientCredentialsFlowEnabled = clientCredentialsFlowEnabled;
            return this;
        }

        public Builder codeCredFlowEnabled(boolean codeCredFlowEnabled) {
            this.codeCredFlowEnabled = codeCredFlowEnabled;
            return this;
        }

        public Builder codeCredPostOnly(boolean codeCredPostOnly) {
            this.codeCredPostOnly = codeCredPostOnly;
            return this;
        }

        public Builder deviceFlowEnabled(boolean deviceFlowEnabled) {
            this.deviceFlowEnabled = deviceFlowEnabled;
            return this;
        }

        public Builder tokenExchangeEnabled(boolean tokenExchangeEnabled) {
            this.tokenExchangeEnabled = tokenExchangeEnabled;
            return this;
        }

        public Builder secretRequiredForTokenExchange(boolean secretRequiredForTokenExchange) {
            this.secretRequiredForTokenExchange = secretRequiredForTokenExchange;
            return this;
        }

        public Builder introspectAllTokens(boolean introspectAllTokens) {
            this.introspectAllTokens = introspectAllTokens;
            return this;
        }

        public GlobalOauthSettings build() {
            return new GlobalOauthSettings(callbackUrls, certificate, pkceRequired, consumerSecretOptional,
                    secretRequiredForRefreshToken, refreshTokenRotationEnabled, namedUserJwtEnabled,
                    clientCredentialsFlowEnabled, codeCredFlowEnabled, codeCredPostOnly, deviceFlowEnabled,
                    tokenExchangeEnabled, secretRequiredForTokenExchange, introspectAllTokens);
        }
    }
}
