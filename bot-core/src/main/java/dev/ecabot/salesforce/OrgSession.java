package dev.ecabot.salesforce;

/**
 * The bot's signed-in session with one org: checks once that the org serves the configured API version, caches the access token and renews it once Salesforce rejects it
 * (401 / INVALID_SESSION_ID). Thread-safe: concurrent callers that saw the same rejected token cause one renewal.
 */
final class OrgSession {

    private final Org org;
    private final TokenEndpoint endpoint;
    private final ApiVersionCheck versionCheck;
    private AccessToken current;
    private ApiVersions versions;

    OrgSession(Org org, TokenEndpoint endpoint) {
        this(org, endpoint, null);
    }

    /** {@code versionCheck} (may be null) runs once, after the first sign-in. */
    OrgSession(Org org, TokenEndpoint endpoint, ApiVersionCheck versionCheck) {
        this.org = org;
        this.endpoint = endpoint;
        this.versionCheck = versionCheck;
    }

    Org org() {
        return org;
    }

    synchronized AccessToken token() {
        if (current == null) current = endpoint.requestToken(org);
        if (versions == null && versionCheck != null) versions = versionCheck.check(org, current);
        return current;
    }

    /** The API versions the org serves, read at the first sign-in (empty list without a version check). */
    synchronized ApiVersions versions() {
        token();
        return versions == null ? new ApiVersions(java.util.List.of()) : versions;
    }

    /** A fresh token after {@code rejected} was refused; another caller's renewal is reused. */
    synchronized AccessToken renew(AccessToken rejected) {
        if (current == null || current == rejected) current = endpoint.requestToken(org);
        return current;
    }
}
