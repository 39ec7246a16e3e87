package dev.ecabot.emulator.auth;

import dev.ecabot.emulator.LoginEnvironment;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may sign in to the org: apps registered for the JWT bearer flow (consumer key, X.509 certificate, login
 * environment, pre-authorised usernames) and clients registered for the client credentials flow (client id,
 * secret, run-as user). Client secrets are never logged. Thread-safe.
 */
public final class AuthRegistry {

    /** An app that signs in users by JWT bearer assertions. */
    public record JwtApp(String consumerKey, X509Certificate certificate, LoginEnvironment environment,
                         Set<String> usernames) {
        public JwtApp {
            usernames = Set.copyOf(usernames);
        }
    }

    /** A client that signs in its run-as user with its id and secret. */
    public record SecretClient(String clientId, String clientSecret, String runAsUsername) {
        @Override
        public String toString() {
            return "SecretClient[clientId=" + clientId + ", clientSecret=<redacted>, runAs=" + runAsUsername + "]";
        }
    }

    private final Map<String, JwtApp> jwtApps = new ConcurrentHashMap<>();
    private final Map<String, SecretClient> secretClients = new ConcurrentHashMap<>();

    public void register(JwtApp app) {
        jwtApps.put(app.consumerKey(), app);
    }

    public void register(SecretClient client) {
        secretClients.put(client.clientId(), client);
    }

    public Optional<JwtApp> jwtApp(String consumerKey) {
        return Optional.ofNullable(consumerKey).map(jwtApps::get);
    }

    public Optional<SecretClient> secretClient(String clientId) {
        return Optional.ofNullable(clientId).map(secretClients::get);
    }
}
