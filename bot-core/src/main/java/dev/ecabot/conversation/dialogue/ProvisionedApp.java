package dev.ecabot.conversation.dialogue;

import dev.ecabot.vault.RevealOffer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning hands back: the app's API name, its consumer key, and the one-time reveal offer its secret
 * was sealed in (when the order delivers the secret and it was read this time), and when it was recorded as
 * created (so a delivery repeated after a crash schedules the same reminders, not new ones). Never the secret itself.
 */
public record ProvisionedApp(String apiName, String consumerKey, RevealOffer secretOffer, Instant createdAt) {

    public ProvisionedApp {
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(consumerKey, "consumerKey");
    }

    /** An app whose creation time is not known (the delivery's time stands for it). */
    public ProvisionedApp(String apiName, String consumerKey, RevealOffer secretOffer) {
        this(apiName, consumerKey, secretOffer, null);
    }

    public Optional<RevealOffer> offer() {
        return Optional.ofNullable(secretOffer);
    }
}
