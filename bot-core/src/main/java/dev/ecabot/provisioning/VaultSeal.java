package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.vault.ConsumerCredentials;
import dev.ecabot.vault.RevealOffers;

/**
 * Delivers a new app's credentials in chat: seals the secret in the vault the moment it is read, as its requester's
 * one-time reveal offer, keyed by the run id (one offer per request, however often it is resumed; a seal a crash
 * left unrecorded is found by {@link #holds}). A key-only delivery seals nothing: the key is in the inventory.
 */
public final class VaultSeal implements CredentialsDelivery {

    private final RevealOffers offers;

    public VaultSeal(RevealOffers offers) {
        this.offers = offers;
    }

    @Override
    public void deliver(ProvisionedCredentials credentials) {
        credentials.consumerSecret().ifPresent(secret -> offers.create(chatUser(credentials.requester()), credentials.org(),
                credentials.apiName(), new ConsumerCredentials(credentials.consumerKey(), secret), credentials.runId()));
    }

    /** Only a chat user can be offered a secret in chat; an operator's run hands it over at the command line. */
    private static ChatUserRef chatUser(Requester requester) {
        return requester.chatUser().orElseThrow(() -> new IllegalArgumentException("A chat user is written"
                + " platform:userId (e.g. slack:U024BE7LH); got '" + requester + "'"));
    }

    @Override
    public boolean holds(String runId) {
        return offers.ofRequest(runId).isPresent();
    }
}
