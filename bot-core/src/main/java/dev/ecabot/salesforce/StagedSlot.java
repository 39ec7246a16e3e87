package dev.ecabot.salesforce;

/**
 * What an app's staged-credential slot holds, as {@code GET .../{consumerId}/staged} lists it: a pair staged and not
 * yet promoted ({@code "Staged"}) or the pair a rotation replaced ({@code "Rotated"}, still valid until revoked or
 * its expiry). Salesforce holds one at a time. No secret. Immutable.
 */
public record StagedSlot(String stagedId, String consumerId, String consumerKey, String state, String expirationDate) {

    public boolean rotatedOut() {
        return "Rotated".equalsIgnoreCase(state);
    }

    /** For a revoke call. */
    public StagedCredentials asCredentials() {
        return new StagedCredentials(stagedId, consumerId, consumerKey, null);
    }
}
