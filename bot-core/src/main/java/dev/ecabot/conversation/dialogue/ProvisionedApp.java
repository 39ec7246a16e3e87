package dev.ecabot.conversation.dialogue;

import dev.ecabot.vault.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning hands back: the app's API name, its consumer key, and the consumer secret when the order
 * asked for it. The secret goes straight to {@link SecretOffers} and is dropped; it is never stored or shown.
 */
public record ProvisionedApp(String apiName, String consumerKey, Secret consumerSecret) {

    public ProvisionedApp {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(consumerKey, "consumerKey");
    }

    public Optional<Secret> secret() {
        return Optional.ofNullable(consumerSecret);
    }
}
