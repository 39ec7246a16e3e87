package dev.ecabot.teams;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.dialogue.SecretOffers;
import dev.ecabot.vault.Secret;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test double for the vault's one-time offers: requester only, once (the real one is dev.ecabot.vault). */
final class InMemorySecretOffers implements SecretOffers {

    private record Held(ChatUser to, String label, Secret secret) { }

    private final Map<String, Held> open = new ConcurrentHashMap<>();

    @Override
    public Offer offer(ChatUser to, String label, Secret secret) {
        String id = UUID.randomUUID().toString();
        open.put(id, new Held(to, label, secret));
        return new Offer(id, Instant.now().plusSeconds(86_400));
    }

    @Override
    public Outcome reveal(ChatUser by, String offerId) {
        Held held = open.get(offerId);
        if (held == null) return new Outcome.Refused("That secret was already shown, or the offer expired.");
        if (!held.to.key().equals(by.key())) return new Outcome.Refused("That secret was offered to someone else.");
        open.remove(offerId);
        return new Outcome.Revealed(held.label, held.secret);
    }
}
