package dev.ecabot.emulator.auth;

import dev.ecabot.emulator.org.OrgState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2.0 client credentials flow: the client id and secret come as form fields or HTTP Basic; a
 * registered client, or the consumer of an app deployed with the flow enabled, signs in its run-as user.
 * Secrets are compared in constant time and never logged. Thread-safe.
 */
public final class ClientCredentialsGrant {

    public static final String GRANT_TYPE = "client_credentials";
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsGrant.class);

    private final AuthRegistry registry;
    private final DeployedAppClients deployedApps;

    public ClientCredentialsGrant(AuthRegistry registry, OrgState org) {
        this.registry = registry;
        this.deployedApps = new DeployedAppClients(org);
    }

    /** The run-as username of the client these credentials belong to. */
    public String verify(Map<String, String> form, Optional<String> authorization) throws OAuthError {
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        Optional<String[]> basic = authorization.flatMap(ClientCredentialsGrant::basicCredentials);
        if (basic.isPresent()) {
            clientId = basic.get()[0];
            clientSecret = basic.get()[1];
        }
        String id = clientId;
        AuthRegistry.SecretClient client = registry.secretClient(id)
                .or(() -> deployedApps.find(id, Instant.now()))
                .orElse(null);
        if (client == null) {
            log.info("client credentials sign-in refused: unknown client id");
            throw new OAuthError("invalid_client_id", "client identifier invalid");
        }
        if (clientSecret == null || !MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            log.info("client credentials sign-in refused for client {}: wrong secret", client.clientId());
            throw new OAuthError("invalid_client", "invalid client credentials");
        }
        if (client.runAsUsername() == null || client.runAsUsername().isBlank()) {
            throw new OAuthError("invalid_grant", "no client credentials user enabled");
        }
        return client.runAsUsername();
    }

    private static Optional<String[]> basicCredentials(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
