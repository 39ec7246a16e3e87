package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.vault.RevealOffer;
import dev.ecabot.vault.Secret;

import java.time.Instant;
import java.util.Optional;
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
    interface SecretHandoff {
        /** Seals the secret of request {@code requestId}; at most one offer per request. */
        RevealOffer seal(String requestId, String apiName, String consumerKey, Secret secret);

        /** Whether request {@code requestId}'s secret is sealed already (by an attempt a crash stopped). */
        boolean holds(String requestId);

        /**
         * Schedules the reminders of request {@code requestId}'s new app, recorded {@code createdAt}: the saga's last
         * step, after the app is in the inventory. Idempotent (stable reminder ids).
         */
        default void remind(String requestId, String apiName, Instant createdAt) {
        }
    }

    /**
     * @throws ProvisioningFailedException with a message the requester can act on (no stack trace, no secret)
     */
    ProvisionedApp provision(ProvisioningOrder order, Consumer<ProvisioningStep> progress, SecretHandoff secrets);

    /**
     * Redeploys the existing app of {@code order} with the order's settings (chat {@code update}), keeping every
     * field the bot does not manage as it is in the org, and records the change in the inventory; hands over no
     * credentials (the consumer key stays). Idempotent by request id, as {@link #provision}.
     *
     * @throws ProvisioningFailedException with a message the requester can act on
     */
    default ProvisionedApp update(ProvisioningOrder order, Consumer<ProvisioningStep> progress) {
        throw new ProvisioningFailedException("This bot cannot update apps in org '" + order.org() + "'.");
    }

    /**
     * Holds the API name for request {@code requestId} if nobody else has it (another request in flight, an app in
     * the inventory or in the org); otherwise says who has it and what to do, for the requester.
     */
    default Optional<String> reserveName(String requestId, String org, String apiName, ChatUser requester) {
        return Optional.empty();
    }
}
