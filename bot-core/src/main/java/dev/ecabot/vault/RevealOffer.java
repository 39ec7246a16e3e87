package dev.ecabot.vault;

import dev.ecabot.access.ChatUserRef;

import java.time.Instant;

/**
 * What the bot knows about a reveal offer, without its credentials: whose it is, for which app, until when,
 * and whether (when, by whom) it was revealed. {@code closedAt} is when it was revealed or expired. Immutable.
 */
public record RevealOffer(String offerId, ChatUserRef requester, String org, String apiName, State state,
                          Instant createdAt, Instant expiresAt, Instant closedAt, ChatUserRef revealedBy) {

    public enum State { OPEN, REVEALED, EXPIRED }
}
