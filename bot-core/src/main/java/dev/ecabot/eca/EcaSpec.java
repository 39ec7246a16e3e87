package dev.ecabot.eca;

import java.util.Objects;

/**
 * The complete intended settings of one External Client App: what a playbook renders from a requester's
 * answers, what {@code EcaMetadataWriter} turns into deployable metadata, and what is read back from an org
 * to check for drift. Each part mirrors one Salesforce metadata type; a part's defaults are Salesforce's.
 * Immutable.
 */
public record EcaSpec(
        AppInfo app,
        GlobalOauthSettings globalOauth,
        OauthSettings oauth,
        OauthPolicies policies) {

    public EcaSpec {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(globalOauth, "globalOauth");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(policies, "policies");
    }

    /** Whether the app runs the client credentials flow as a named run-as user (a token can be had without anyone signing in). */
    public boolean usesClientCredentials() {
        return globalOauth.clientCredentialsFlowEnabled() && policies.clientCredentialsFlowEnabled()
                && policies.clientCredentialsFlowUser() != null && !policies.clientCredentialsFlowUser().isBlank();
    }

    /** The app's API name (DeveloperName), the key every companion file refers to. */
    public String apiName() {
        return app.apiName();
    }
}
