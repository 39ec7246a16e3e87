package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.UserRefs;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.RevealResult;

import java.util.List;

/**
 * {@code reveal <offer>} (or the Reveal button): shows an offered secret once, to the person it was offered to
 * only, through the port's private reveal; the vault destroys it once the window showing it was accepted. A second reveal, someone else, or an expired offer gets a refusal.
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
        dev.ecabot.access.ChatUserRef user = UserRefs.of(call.event().user());
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

    private void listOpenOffers(CommandCall call) {
        List<dev.ecabot.vault.RevealOffer> open = offers.openFor(UserRefs.of(call.event().user()));
        if (open.isEmpty()) {
            call.replies().say("You have no secret waiting to be revealed.");
            return;
        }
        call.replies().say(open.size() == 1 ? "One secret is waiting for you:"
                : open.size() + " secrets are waiting for you, each shown once:");
        for (dev.ecabot.vault.RevealOffer offer : open) {
            call.replies().send(new RevealOffer(offer.offerId(), "Consumer key and secret of " + offer.apiName()
                    + " in " + offer.org(), offer.expiresAt()));
        }
    }
}
