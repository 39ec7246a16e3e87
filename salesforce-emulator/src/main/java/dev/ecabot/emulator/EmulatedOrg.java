package dev.ecabot.emulator;

import dev.ecabot.emulator.auth.AuthRegistry;
import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.Consumer;
import dev.ecabot.emulator.org.OrgState;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The org an emulator plays: set up who may sign in and the secret-access switches, and read what deploys
 * and rotations did (apps, their settings, consumers, staged credentials, the call log). Thread-safe.
 */
public final class EmulatedOrg {

    private final OrgState state;
    private final AuthRegistry auth;
    private final Supplier<List<RecordedCall>> calls;

    EmulatedOrg(OrgState state, AuthRegistry auth, Supplier<List<RecordedCall>> calls) {
        this.state = state;
        this.auth = auth;
        this.calls = calls;
    }

    /** The org id ("00D..."), as in the id URL of token answers. */
    public String orgId() {
        return state.orgId();
    }

    /**
     * Registers the bot's own app for the JWT bearer flow: assertions must be issued by {@code consumerKey},
     * signed by the key of {@code certificate}, addressed to the environment's login URL and name one of
     * the pre-authorised {@code usernames}.
     */
    public EmulatedOrg registerJwtBearerApp(String consumerKey, X509Certificate certificate,
                                            LoginEnvironment environment, String... usernames) {
        if (usernames.length == 0) {
            throw new IllegalArgumentException("name at least one pre-authorised username for " + consumerKey);
        }
        auth.register(new AuthRegistry.JwtApp(consumerKey, certificate, environment, Set.of(usernames)));
        return this;
    }

    /** Registers a client for the client credentials flow; it signs in as {@code runAsUsername}. */
    public EmulatedOrg registerClientCredentials(String clientId, String clientSecret, String runAsUsername) {
        auth.register(new AuthRegistry.SecretClient(clientId, clientSecret, runAsUsername));
        return this;
    }

    /**
     * The org setting "Allow access to External Client App consumer secrets via REST API"
     * (ExternalClientAppSettings.enableClientSecretInRestApiAccess). On by default in the emulator.
     */
    public EmulatedOrg enableClientSecretInRestApiAccess(boolean enabled) {
        state.secretsViaRestApi(enabled);
        return this;
    }

    /** The org setting "Opt in to External Client Apps" (ExternalClientAppSettings.enableExternalClientApps). On by default. */
    public EmulatedOrg enableExternalClientApps(boolean enabled) {
        state.externalClientAppsEnabled(enabled);
        return this;
    }

    /**
     * How long a newly deployed app's consumer key is unknown to the token endpoint ("client identifier invalid"), as a
     * real org takes minutes to make a new app usable. None by default.
     */
    public EmulatedOrg clientActivationDelay(java.time.Duration delay) {
        state.clientActivationDelay(delay);
        return this;
    }

    /** Whether the signed-in users hold the permission to view client secrets. On by default. */
    public EmulatedOrg userCanViewClientSecrets(boolean allowed) {
        state.userMayViewSecrets(allowed);
        return this;
    }

    /** The External Client Apps in the org, sorted by name. */
    /**
     * The org's users and permission sets that ECA policies may name. Register some and a deploy naming a run-as
     * user or permission set not registered is refused, with Salesforce's "In field: ... - no User named ... found".
     */
    public dev.ecabot.emulator.org.OrgDirectory directory() {
        return state.directory();
    }

    public List<Component> apps() {
        return state.components(MetadataType.EXTERNAL_CLIENT_APPLICATION);
    }

    public Optional<Component> app(String developerName) {
        return state.component(MetadataType.EXTERNAL_CLIENT_APPLICATION, developerName);
    }

    /** The settings components (global OAuth, OAuth, policies) that belong to an app. */
    public List<Component> companionsOf(String developerName) {
        return state.companionsOf(developerName);
    }

    /** A component of any ECA type by its type's API name (e.g. "ExtlClntAppOauthSettings") and name. */
    public Optional<Component> component(String typeApiName, String fullName) {
        return MetadataType.byApiName(typeApiName).flatMap(type -> state.component(type, fullName));
    }

    /** An app's OAuth consumer (its key, secret and staged credential), once it has OAuth settings. */
    public Optional<Consumer> consumer(String developerName) {
        return state.consumerOf(developerName);
    }

    /**
     * The org's apps, their settings and consumers (keys and secrets) as JSON, for keeping an org across restarts.
     * It holds secrets: store it sealed.
     */
    public String exportState() {
        return state.snapshot();
    }

    /** Replaces the org's apps and consumers with an {@link #exportState()}; sign-in clients stay as registered. */
    public EmulatedOrg importState(String snapshot) {
        state.restore(snapshot);
        return this;
    }

    /** Hands {@code listener} a fresh {@link #exportState()} after every deploy, rotation or staged-credential change. */
    public EmulatedOrg onStateChange(java.util.function.Consumer<String> listener) {
        state.onChange(listener);
        return this;
    }

    /** Every request received so far, oldest first. */
    public List<RecordedCall> calls() {
        return calls.get();
    }
}
