package dev.ecabot.vault;

/** An offer the expiry sweep just destroyed, with what to tell its requester. */
public record ExpiredOffer(RevealOffer offer) {

    /** The message for the requester: what happened and how to get new credentials. */
    public String message() {
        return "Your credentials for " + offer.apiName() + " in " + offer.org() + " were not revealed in time, so they "
                + "have been destroyed. To get new ones, " + RevealResult.NEW_CREDENTIALS.apply(offer);
    }
}
