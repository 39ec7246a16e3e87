package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.UserRefs;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.RevealResult;

/**
 * {@code reveal <offer>} (or the Reveal button): shows an offered secret once, to the person it was offered to
 * only, through the port's private reveal. A second reveal, someone else, or an expired offer gets a refusal.
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
        return "reveal <offer>";
    }

    @Override
    public String summary() {
        return "show a secret offered to you, once";
    }

    @Override
    public void run(CommandCall call) {
        if (call.words().size() != 1) {
            call.replies().warn("Say \"reveal <offer>\" with the offer id from the message that offered the secret.");
            return;
        }
        RevealResult result = offers.reveal(call.words().get(0), UserRefs.of(call.event().user()));
        if (result instanceof RevealResult.Revealed revealed) {
            call.replies().port().reveal(call.replies().address(), new SecretReveal(
                    "Consumer secret of " + revealed.offer().apiName(), revealed.credentials().consumerSecret(),
                    "Consumer key: " + revealed.credentials().consumerKey() + "\n" + result.message()));
            followUps.revealed(revealed.offer().offerId()); // nothing left to remind about
        } else {
            call.replies().warn(result.message());
        }
    }
}
