package dev.ecabot.conversation.message;


import java.util.List;

/**
 * One person's overview, for a platform's own home surface (Slack's App Home tab): the apps they asked for (one
 * {@link Fact} each, newest first, a page of at most {@link HomeViews#APPS_SHOWN} from the {@code appsFrom}th,
 * {@code moreApps} after it), the approval requests waiting for them (the same cards, with the same Approve / Deny
 * buttons; a page of at most {@link HomeViews#APPROVALS_SHOWN} from the {@code approvalsFrom}th, {@code moreApprovals}
 * after it), the secrets they can still reveal (the same Reveal buttons) and their reminders, soonest first. Texts may
 * hold people and moments ({@link dev.ecabot.conversation.message.InlineText}). Immutable.
 */
public record HomeView(List<Fact> apps, int moreApps, List<ApprovalCard> approvals, List<RevealOffer> offers,
                       List<Fact> reminders, int appsFrom, int approvalsFrom, int moreApprovals) {

    public HomeView {
        apps = List.copyOf(apps);
        approvals = List.copyOf(approvals);
        offers = List.copyOf(offers);
        reminders = List.copyOf(reminders);
        if (appsFrom < 0 || approvalsFrom < 0 || moreApps < 0 || moreApprovals < 0) {
            throw new IllegalArgumentException("a home's pages start at 0 and nothing is fewer than none");
        }
    }

    /** The first page of each list. */
    public HomeView(List<Fact> apps, int moreApps, List<ApprovalCard> approvals, List<RevealOffer> offers,
                    List<Fact> reminders) {
        this(apps, moreApps, approvals, offers, reminders, 0, 0, 0);
    }

    public boolean isEmpty() {
        return apps.isEmpty() && approvals.isEmpty() && offers.isEmpty() && reminders.isEmpty() && appsFrom == 0
                && approvalsFrom == 0;
    }
}
