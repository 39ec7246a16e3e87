package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.vault.Secret;

import java.time.Instant;

/**
 * One-time delivery of a secret to one person: {@link #offer} seals it and returns an offer (never the
 * secret), {@link #reveal} releases it once to that person and destroys it. What the engine needs from the
 * vault; implementations must be thread-safe and must never log the value.
 */
public interface SecretOffers {

    /** An open offer: its id and until when it can be revealed. */
    record Offer(String id, Instant expiresAt) { }

    /** The result of asking to reveal: the secret, or why not (in words for the person). */
    sealed interface Outcome {
        record Revealed(String label, Secret secret) implements Outcome { }

        record Refused(String reason) implements Outcome { }
    }

    Offer offer(ChatUser to, String label, Secret secret);

    Outcome reveal(ChatUser by, String offerId);
}
