package dev.ecabot.conversation.message;

import java.time.Instant;
import java.util.Objects;

/**
 * An offer to show a secret once (a "Reveal" button), never the secret itself. Pressing it comes back as a
 * {@code ChatEvent.Choice} with prompt id {@link #PROMPT_ID} and the offer id as value (or the text
 * {@code reveal <offerId>}); the engine then asks the vault and calls {@code ChatPort.reveal} for that person only.
 */
public record RevealOffer(String offerId, String label, Instant expiresAt) implements ChatMessage {

    /** The prompt id of the Reveal button: what {@code PromptRef.Fixed.REVEAL} encodes (a test holds them equal). */
    public static final String PROMPT_ID = "reveal";

    public RevealOffer {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitRevealOffer(this);
    }
}
