package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.RevealResult;

import java.util.List;

/**
 * The Reveal button (a {@code Choice} of {@code PromptRef.Fixed.REVEAL} with the offer id): shows an offered secret once,
 * to the person it was offered to only, through the port's private reveal; the vault destroys it once the window
 * showing it was accepted. A second reveal, someone else, or an expired offer gets a refusal.
 * <p>
 * One rule for a typed {@code reveal <offer>}, on every platform: typed words never release a secret (a chat
 * platform has no private window to show it in where text was typed); the person's own open offer is answered with
 * its Reveal button again, anything else with the vault's reason (no such offer, someone else's, revealed, expired).
 * (The terminal has no buttons: there, typing {@code reveal} or {@code reveal <offer>} is how its Reveal button is
 * pressed, and its adapter hands the engine that press.)
 * {@code reveal} alone lists the person's open offers, each with its button again: the offer lives in the vault,
 * so a button lost in a restart or a failed send never strands a secret.
 */
public final class RevealCommand implements ChatCommand {

    private final RevealOffers offers;
    private final FollowUpReminders followUps;

    public RevealCommand(RevealOffers offers, FollowUpReminders followUps) {
        this.offers = offers;
        this.followUps = followUps;
    }

    @Override
    public String name() {
        return "reveal";
    }

    @Override
    public String usage() {
        return "reveal [offer]";
    }

    @Override
    public String summary() {
        return "show a secret offered to you, once";
    }

    @Override
    public void run(CommandCall call) {
        if (call.words().isEmpty()) {
            listOpenOffers(call);
            return;
        }
        if (call.words().size() != 1) {
            call.replies().warn("Say \"reveal\" to see the secrets waiting for you, or \"reveal <offer>\" with the"
                    + " offer id from the message that offered one.");
            return;
        }
        dev.ecabot.access.ChatUserRef user = call.event().user().ref();
        if (!(call.event() instanceof dev.ecabot.conversation.ChatEvent.Choice)) {
            offerTheButtonAgain(call, call.words().get(0), user);
            return;
        }
        RevealResult result = offers.release(call.words().get(0), user);
        if (result instanceof RevealResult.Revealed revealed) {
            String offerId = revealed.offer().offerId();
            // Shown once the turn (the offer released, its audit event) is committed, so the platform's dialog never
            // waits while the vault's rows are locked; the secret is destroyed only when the platform showed it.
            dev.ecabot.store.UnitOfWork.afterCommit(() -> call.replies().port().reveal(call.replies().address(), new SecretReveal(
                    "Consumer secret of " + revealed.offer().apiName(), revealed.credentials().consumerSecret(),
                    "Consumer key: " + revealed.credentials().consumerKey() + "\n" + result.message(),
                    new SecretReveal.Receipt() {
                        @Override
                        public void shown() {
                            offers.shown(offerId, user);
                            followUps.revealed(offerId); // nothing left to remind about
                            call.replies().port().refreshHome(call.event().user()); // the offer leaves their home
                        }

                        @Override
                        public void notShown(String why) {
                            offers.notShown(offerId, user, why);
                        }
                    })));
        } else {
            call.replies().warn(result.message());
        }
    }

    /** A typed "reveal <offer>": the offer's button again when it is the person's and still open, else why not. */
    private void offerTheButtonAgain(CommandCall call, String offerId, dev.ecabot.access.ChatUserRef user) {
        java.util.Optional<dev.ecabot.vault.RevealOffer> found = offers.find(offerId);
        String why = null;
        if (found.isEmpty()) {
            why = new RevealResult.NoSuchOffer(offerId).message() + " Say \"reveal\" to see the secrets waiting for you.";
        } else if (!found.get().requester().equals(user)) {
            why = new RevealResult.NotTheRequester(offerId).message();
        } else if (found.get().state() == dev.ecabot.vault.RevealOffer.State.REVEALED) {
            why = new RevealResult.AlreadyRevealed(found.get()).message();
        } else if (offers.openFor(user).stream().noneMatch(open -> open.offerId().equals(offerId))) { // by the vault's clock
            why = new RevealResult.Expired(found.get()).message();
        }
        if (why != null) {
            call.replies().warn(why);
            return;
        }
        dev.ecabot.vault.RevealOffer offer = found.get();
        call.replies().say("Secrets open only from their Reveal button, in a window only you see: press it below.");
        call.replies().send(label(offer));
    }

    private static RevealOffer label(dev.ecabot.vault.RevealOffer offer) {
        return new RevealOffer(offer.offerId(), "Consumer key and secret of " + offer.apiName() + " in " + offer.org(),
                offer.expiresAt());
    }

    private void listOpenOffers(CommandCall call) {
        List<dev.ecabot.vault.RevealOffer> open = offers.openFor(call.event().user().ref());
        if (open.isEmpty()) {
            call.replies().say("You have no secret waiting to be revealed.");
            return;
        }
        call.replies().say(open.size() == 1 ? "One secret is waiting for you:"
                : open.size() + " secrets are waiting for you, each shown once:");
        for (dev.ecabot.vault.RevealOffer offer : open) {
            call.replies().send(label(offer));
        }
    }
}
