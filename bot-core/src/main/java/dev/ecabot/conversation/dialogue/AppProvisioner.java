package dev.ecabot.conversation.dialogue;

import dev.ecabot.vault.RevealOffer;
import dev.ecabot.vault.Secret;

import java.util.function.Consumer;

/**
 * Creates the app of a confirmed order in its org (deploy, wait, read credentials, record it), reporting each
 * step as it starts. What the dialogue needs from the provisioning saga; implementations must be idempotent by
 * request id (a repeated order finds the app it made) and thread-safe. Runs on a background thread.
 */
@FunctionalInterface
public interface AppProvisioner {

    /**
     * Where a new secret goes the moment it is read: sealed in the vault as a one-time offer to the requester,
     * so it is never held anywhere else.
     */
    @FunctionalInterface
    interface SecretHandoff {
        RevealOffer seal(String apiName, String consumerKey, Secret secret);
    }

    /**
     * @throws ProvisioningFailedException with a message the requester can act on (no stack trace, no secret)
     */
    ProvisionedApp provision(ProvisioningOrder order, Consumer<ProvisioningStep> progress, SecretHandoff secrets);
}
