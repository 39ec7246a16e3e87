package dev.ecabot.emulator.auth;

import dev.ecabot.emulator.org.CredentialFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's open sessions by access token. A session lasts the org's session timeout (Salesforce's default is
 * two hours) or until {@link #expireAll()}. Tokens are never logged. Thread-safe.
 */
public final class Sessions {

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final CredentialFactory credentials;
    private final String orgId;
    private final Duration timeout;

    public Sessions(CredentialFactory credentials, String orgId, Duration timeout) {
        this.credentials = credentials;
        this.orgId = orgId;
        this.timeout = timeout;
    }

    /** Opens a session and returns its access token. */
    public String open(String username, String userId, Instant now) {
        String token = credentials.accessToken(orgId);
        byToken.put(token, new Session(username, userId, now, now.plus(timeout)));
        return token;
    }

    public Optional<Session> find(String token) {
        Session session = byToken.get(token);
        if (session == null) {
            return Optional.empty();
        }
        if (!Instant.now().isBefore(session.expiresAt())) {
            byToken.remove(token);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Ends every session, as a password reset or an admin's "revoke all" would. */
    public void expireAll() {
        byToken.clear();
    }
}
