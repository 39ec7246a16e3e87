package dev.ecabot.salesforce;

/**
 * The bot's signed-in session with one org: caches the access token and renews it once Salesforce rejects it
 * (401 / INVALID_SESSION_ID). Thread-safe: concurrent callers that saw the same rejected token cause one renewal.
 */
final class OrgSession {

    private final Org org;
    private final TokenEndpoint endpoint;
    private AccessToken current;

    OrgSession(Org org, TokenEndpoint endpoint) {
        this.org = org;
        this.endpoint = endpoint;
    }

    Org org() {
        return org;
    }

    synchronized AccessToken token() {
        if (current == null) current = endpoint.requestToken(org);
        return current;
    }

    /** A fresh token after {@code rejected} was refused; another caller's renewal is reused. */
    synchronized AccessToken renew(AccessToken rejected) {
        if (current == null || current == rejected) current = endpoint.requestToken(org);
        return current;
    }
}
