package dev.ecabot.conversation.dialogue;

import dev.ecabot.vault.RevealOffer;

import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning hands back: the app's API name, its consumer key, and the one-time reveal offer its secret
 * was sealed in (when the order delivers the secret and it was read this time). Never the secret itself.
 */
public record ProvisionedApp(String apiName, String consumerKey, RevealOffer secretOffer) {

    public ProvisionedApp {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(consumerKey, "consumerKey");
    }

    public Optional<RevealOffer> offer() {
        return Optional.ofNullable(secretOffer);
    }
}
