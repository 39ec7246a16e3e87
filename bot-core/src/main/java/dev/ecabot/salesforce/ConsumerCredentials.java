package dev.ecabot.salesforce;

import dev.ecabot.vault.Secret;

import java.util.Objects;
import java.util.Optional;

/** An app's OAuth consumer: its id, the consumer key and, when asked for, the consumer secret (never printed). */
public record ConsumerCredentials(String consumerId, String consumerKey, Secret consumerSecret) {

    public ConsumerCredentials {
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(consumerKey, "consumerKey");
    }

    public Optional<Secret> secret() {
        return Optional.ofNullable(consumerSecret);
    }
}
