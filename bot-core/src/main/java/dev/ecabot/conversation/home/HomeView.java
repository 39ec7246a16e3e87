package dev.ecabot.conversation.home;

import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.RevealOffer;

import java.util.List;

/**
 * One person's overview, for a platform's own home surface (Slack's App Home tab): the apps they asked for (one
 * {@link Fact} each, newest first, at most {@link HomeViews#APPS_SHOWN}, {@code moreApps} not shown), the approval
 * requests waiting for them (the same cards, with the same Approve / Deny buttons), the secrets they can still reveal
 * (the same Reveal buttons) and their reminders, soonest first. Texts may hold people and moments
 * ({@link dev.ecabot.conversation.message.InlineText}). Immutable.
 */
public record HomeView(List<Fact> apps, int moreApps, List<ApprovalCard> approvals, List<RevealOffer> offers,
                       List<Fact> reminders) {

    public HomeView {
        apps = List.copyOf(apps);
        approvals = List.copyOf(approvals);
        offers = List.copyOf(offers);
        reminders = List.copyOf(reminders);
    }

    public boolean isEmpty() {
        return apps.isEmpty() && approvals.isEmpty() && offers.isEmpty() && reminders.isEmpty();
    }
}
