package dev.ecabot.salesforce;

import dev.ecabot.vault.Secret;

/** A new key + secret pair staged for rotation (valid 30 days until promoted or revoked). */
public record StagedCredentials(String stagedId, String consumerId, String consumerKey, Secret consumerSecret) {
}
