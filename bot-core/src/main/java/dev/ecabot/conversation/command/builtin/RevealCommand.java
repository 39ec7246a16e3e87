package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.SecretOffers;
import dev.ecabot.conversation.message.SecretReveal;

/**
 * {@code reveal <offer>} (or the Reveal button): shows an offered secret once, to the person it was offered to
 * only, through the port's private reveal. A second reveal, someone else, or an expired offer gets a refusal.
 */
public final class RevealCommand implements ChatCommand {

    private final SecretOffers offers;

    public RevealCommand(SecretOffers offers) {
        this.offers = offers;
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
        SecretOffers.Outcome outcome = offers.reveal(call.event().user(), call.words().get(0));
        if (outcome instanceof SecretOffers.Outcome.Revealed revealed) {
            call.replies().port().reveal(call.replies().address(), new SecretReveal(revealed.label(),
                    revealed.secret(), "Shown once: copy it now into the vendor's settings; I cannot show it again."));
        } else {
            call.replies().warn(((SecretOffers.Outcome.Refused) outcome).reason());
        }
    }
}
