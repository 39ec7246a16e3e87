package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.vault.ExpiredOffer;
import dev.ecabot.vault.RevealOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The sweep that keeps the vault's promise: offers left unrevealed past their window are destroyed (ciphertext
 * gone) and each requester is told, in a direct message, what happened and how to get new credentials; their
 * pending "reveal soon" reminder is cancelled. Run it periodically on one node (the app does, every minute).
 */
public final class OfferExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(OfferExpiry.class);

    private final RevealOffers offers;
    private final FollowUpReminders followUps;
    private final ChatPort port;

    public OfferExpiry(RevealOffers offers, FollowUpReminders followUps, ChatPort port) {
        this.offers = offers;
        this.followUps = followUps;
        this.port = port;
    }

    /** Destroys the offers due and tells their requesters; returns how many were destroyed. */
    public int expireDue() {
        List<ExpiredOffer> expired = offers.expireDue();
        for (ExpiredOffer e : expired) {
            followUps.revealed(e.offer().offerId()); // nothing left to remind about
            ChatUser requester = ChatUser.of(e.offer().requester().platform(), e.offer().requester().id());
            if (!port.serves(requester.platform())) {
                LOG.warn("Offer {} for {} expired; its requester is on {}, which this instance does not serve, so they"
                        + " were not told (the audit trail has it)", e.offer().offerId(), e.offer().apiName(),
                        requester.platform());
                continue;
            }
            try {
                new Replies(port, ChatAddress.directTo(requester)).warn(e.message());
            } catch (RuntimeException notDelivered) {
                LOG.warn("Offer {} expired but telling its requester failed: {}", e.offer().offerId(),
                        notDelivered.getMessage());
            }
        }
        return expired.size();
    }
}
