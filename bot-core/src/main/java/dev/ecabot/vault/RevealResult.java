package dev.ecabot.vault;


/**
 * The outcome of asking to reveal an offer: the credentials once, or a refusal saying why. Every outcome has
 * a {@link #message()} fit to show the person who asked (never containing the secret).
 */
public sealed interface RevealResult {

    /**
     * How a requester gets new credentials once an offer is gone: rotation hands the new secret to whoever runs it,
     * so only a bot admin may (requesters are told who can, never told to run it themselves).
     */
    java.util.function.Function<RevealOffer, String> NEW_CREDENTIALS = offer -> "ask a bot admin to issue new"
            + " credentials (with `rotate " + offer.apiName() + " " + offer.org() + "`).";

    String message();

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The credentials, shown now and destroyed in the bot. */
    record Revealed(RevealOffer offer, ConsumerCredentials credentials) implements RevealResult {
        public String message() {
            return "Here are the consumer key and secret for " + offer.apiName() + " in " + offer.org()
                    + ". They are shown this once and are now destroyed in the bot: store them in your secret manager.";
        }
    }

    /** Someone other than the requester asked. */
    record NotTheRequester(String offerId) implements RevealResult {
        public String message() {
            return "Only the person who asked for these credentials can reveal them; nothing was shown.";
        }
    }

    /** Revealed before: the credentials are gone. */
    record AlreadyRevealed(RevealOffer offer) implements RevealResult {
        public String message() {
            return "These credentials for " + offer.apiName() + " were already revealed at " + offer.closedAt()
                    + " and then destroyed. If that was not you, " + NEW_CREDENTIALS.apply(offer);
        }
    }

    /** Not revealed in time: the credentials were destroyed. */
    record Expired(RevealOffer offer) implements RevealResult {
        public String message() {
            return "This offer expired at " + offer.expiresAt() + " and the credentials were destroyed. "
                    + capitalised(NEW_CREDENTIALS.apply(offer));
        }
    }

    /**
     * The sealed credentials could not be opened (altered in the database, or the master key changed since they
     * were sealed). Nothing was shown and the offer stays as it was, in case the right key is restored.
     */
    record Unreadable(RevealOffer offer) implements RevealResult {
        public String message() {
            return "The credentials for " + offer.apiName() + " cannot be opened (the bot's master key may have "
                    + "changed). Nothing was shown; ask a bot admin to restore the key, or " + NEW_CREDENTIALS.apply(offer);
        }
    }

    /**
     * Released a moment ago to the requester's other click and being shown in the window it opened: this click
     * shows nothing, so the secret is revealed once.
     */
    record BeingShown(RevealOffer offer) implements RevealResult {
        public String message() {
            return "These credentials for " + offer.apiName() + " are already revealed in the window your other click"
                    + " opened; this one shows nothing. If that window showed nothing, press Reveal again in a minute.";
        }
    }

    /** No offer with that id. */
    record NoSuchOffer(String offerId) implements RevealResult {
        public String message() {
            return "There is no reveal offer " + offerId + ".";
        }
    }
}
