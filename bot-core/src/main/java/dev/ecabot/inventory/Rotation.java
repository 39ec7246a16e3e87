package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;

import java.time.Instant;

/**
 * One credential rotation of an app: the staged pair that became the old one (its Salesforce ids and public
 * key, never its secret), the new key, who rotated and when, when the old pair expires, and whether and by whom
 * it was revoked early ({@code revokedAt} null while it still works). Immutable.
 */
public record Rotation(String id, String org, String apiName, String appId, String consumerId, String oldStagedId,
                       String oldConsumerKey, String newConsumerKey, ChatUserRef rotatedBy, Instant rotatedAt,
                       Instant oldExpiresAt, Instant revokedAt, ChatUserRef revokedBy) {

    public boolean oldPairRevoked() {
        return revokedAt != null;
    }
}
