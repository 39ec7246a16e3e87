package dev.ecabot.conversation.reminders;

import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.playbook.PlannedReminder;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.vault.RevealOffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reminders a conversation leaves behind: after an app is created (usable after its activation delay, refresh
 * tokens expiring under a lifetime policy, the secret's reveal offer expiring), and while an approval request waits
 * (approvers, before it expires). Times come from {@link ReminderPlans}; ids are stable, so a resumed provisioning
 * schedules nothing twice. A failure to schedule is logged, never fails the conversation. {@link #none()} schedules
 * nothing (no scheduler wired). Thread-safe.
 */
public final class FollowUpReminders {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpReminders.class);

    private final Reminders reminders;
    private final ReminderPlans plans;

    public FollowUpReminders(Reminders reminders, ReminderPlans plans) {
        this.reminders = reminders;
        this.plans = plans;
    }

    public static FollowUpReminders none() {
        return new FollowUpReminders(null, ReminderPlans.defaults());
    }

    public Optional<Reminders> reminders() {
        return Optional.ofNullable(reminders);
    }

    /**
     * The reminders of an app {@code requester} just got in {@code org}; returns what was scheduled. All go to the
     * app's owner when they fire (the requester until an admin names another), except the reveal reminder: the
     * secret is the requester's alone.
     */
    public List<Reminder> afterProvisioning(ChatUser requester, String org, String apiName, Rendering rendering,
                                            RevealOffer offer, Instant createdAt) {
        List<Reminder> planned = plannedAfterProvisioning(requester, org, apiName, rendering, offer, createdAt);
        planned.forEach(this::schedule);
        return planned;
    }

    /**
     * What {@link #afterProvisioning} schedules for the same app, without scheduling it (to tell the requester what
     * the provisioning saga scheduled); empty when no scheduler is wired.
     */
    public List<Reminder> plannedAfterProvisioning(ChatUser requester, String org, String apiName, Rendering rendering,
                                                   RevealOffer offer, Instant createdAt) {
        if (reminders == null) return List.of();
        List<Reminder> planned = new java.util.ArrayList<>();
        if (!rendering.activationDelay().isZero()) {
            planned.add(plans.appUsable(requester.ref(), org, apiName, createdAt, rendering.activationDelay(),
                    howToTest(rendering, apiName, org)));
        }
        Optional<PlannedReminder> rule = rendering.reminders().stream()
                .filter(r -> r.kind().equals("refresh-token-expiry")).findFirst();
        String reauthorise = rule.map(PlannedReminder::text)
                .orElse("Users of the integration will have to authorise it again.");
        // the playbook's notice when it has one, so the reminder fires when render and the summary said it would
        plans.refreshTokenExpiring(Recipient.owner(requester.ref()), org, apiName, createdAt,
                rendering.spec().policies(), reauthorise, rule.map(PlannedReminder::notice).orElse(null))
                .ifPresent(planned::add);
        if (offer != null) planned.add(plans.revealExpiring(offer));
        List<PlannedReminder> afters = rendering.reminders().stream()
                .filter(r -> r.kind().equals(dev.ecabot.playbook.ReminderRule.Kind.AFTER.yamlName())).toList();
        for (int i = 0; i < afters.size(); i++) {
            planned.add(plans.playbookAfter(requester.ref(), org, apiName, createdAt, i + 1, afters.get(i).after(),
                    afters.get(i).text()));
        }
        if (!rendering.manualSteps().isEmpty()) {
            planned.add(plans.checklistOpen(requester.ref(), org, apiName, createdAt, rendering.manualSteps().size()));
        }
        return planned;
    }

    /** Every manual step of the app is ticked off: no more checklist reminders (nor one left in "reminders"). */
    public void checklistDone(String org, String apiName) {
        if (reminders == null) return;
        try {
            reminders.cancelApp(org, apiName, dev.ecabot.reminders.ReminderKind.CHECKLIST_OPEN);
        } catch (RuntimeException e) {
            // the reminder finds every step done when it fires, and stops unsent
            LOG.warn("Could not cancel the checklist reminder of {} in {}: {}", apiName, org, e.toString());
        }
    }

    /** Reminds the approvers before a pending request expires. */
    public void approvalPending(ApprovalRequest request) {
        if (reminders != null) schedule(plans.approvalExpiring(request));
    }

    /** The request was decided, withdrawn or expired: nobody needs reminding about it. */
    public void approvalClosed(ApprovalRequest request) {
        if (reminders == null) return;
        try {
            reminders.cancel(plans.approvalExpiring(request).id());
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel the expiry reminder of approval request {}: {}", request.id(), e.toString());
        }
    }

    /** The secret of {@code offerId} was revealed: no "reveal before it is destroyed" reminder any more. */
    public void revealed(String offerId) {
        if (reminders == null) return;
        try {
            reminders.cancel(ReminderPlans.revealExpiringId(offerId));
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel the reveal reminder of offer {}: {}", offerId, e.toString());
        }
    }

    private void schedule(Reminder reminder) {
        try {
            reminders.schedule(reminder);
        } catch (RuntimeException e) {
            LOG.error("Could not schedule reminder {} ({}): {}", reminder.id(), reminder.kind(), e.toString());
        }
    }

    private static String howToTest(Rendering rendering, String apiName, String org) {
        if (rendering.spec().usesClientCredentials()) {
            return "To test it: an admin says \"test " + apiName + " " + org + "\" (a client credentials token as its"
                    + " run-as user; the token is never shown).";
        }
        // the wait is over when this arrives: a step that says to wait would contradict it
        return rendering.nextSteps().stream()
                .filter(step -> !step.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bwait\\b.*"))
                .findFirst().map(step -> "To test it: " + step)
                .orElse("Test it by signing in through the integration.");
    }
}
