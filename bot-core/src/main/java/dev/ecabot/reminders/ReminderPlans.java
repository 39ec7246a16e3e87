package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.settings.error.InvalidSettingException;
import dev.ecabot.vault.RevealOffer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.duration.Durations;

import java.time.Duration;
import java.util.Locale;
import java.util.Iterator;
import java.util.Set;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Works out when each kind of reminder is due and what it says, so every caller schedules the same thing:
 * the app usable after its activation delay; refresh tokens expiring ahead of a lifetime policy's end (none for
 * Infinite, Zero or inactivity policies); a rotated app's old pair expiring (30 days after rotation); approval
 * requests and reveal offers about to expire. Ids are stable, so scheduling a plan twice schedules it once.
 * Defaults: refresh tokens 7 days ahead, old pair 3 days ahead, approvals and reveals 2 hours ahead. Immutable.
 */
public record ReminderPlans(Duration refreshTokenLead, Duration oldCredentialLead, Duration approvalLead,
                            Duration revealLead) {

    private static final Set<String> KEYS = Set.of("refreshTokenLead", "oldCredentialLead", "approvalLead", "revealLead");

    /** How long Salesforce keeps the old pair working after a rotation. */
    public static final Duration OLD_PAIR_LIFETIME = Duration.ofDays(30);

    public ReminderPlans {
        for (Duration d : new Duration[] {refreshTokenLead, oldCredentialLead, approvalLead, revealLead}) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException("Reminder leads must be zero or positive; got " + d);
        }
    }

    public static ReminderPlans defaults() {
        return new ReminderPlans(Duration.ofDays(7), Duration.ofDays(3), Duration.ofHours(2), Duration.ofHours(2));
    }

    /**
     * Reads the {@code reminders} section of ecabot.yaml (null or missing: {@link #defaults()}): how long ahead to remind,
     * as durations like {@code 7d}, {@code 12h}, {@code 90m} or {@code PT2H}.
     * <pre>
     * reminders:
     *   refreshTokenLead: 7d     # before refresh tokens of a lifetime policy expire
     *   oldCredentialLead: 3d    # before a rotated-out consumer key/secret stops working
     *   approvalLead: 2h         # before an undecided approval request expires (to the approvers)
     *   revealLead: 2h           # before an unrevealed secret is destroyed (to the requester)
     * </pre>
     */
    public static ReminderPlans fromJson(JsonNode node) {
        ReminderPlans d = defaults();
        if (node == null || node.isNull() || node.isMissingNode()) return d;
        if (!node.isObject()) {
            throw new InvalidSettingException("reminders must be a map (refreshTokenLead, oldCredentialLead, approvalLead, revealLead)");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidSettingException("reminders." + key + " is not a setting; use refreshTokenLead, "
                        + "oldCredentialLead, approvalLead or revealLead");
            }
        }
        return new ReminderPlans(lead(node, "refreshTokenLead", d.refreshTokenLead()),
                lead(node, "oldCredentialLead", d.oldCredentialLead()), lead(node, "approvalLead", d.approvalLead()),
                lead(node, "revealLead", d.revealLead()));
    }

    private static Duration lead(JsonNode node, String key, Duration fallback) {
        return node.hasNonNull(key) ? Durations.parse(node.get(key).asText(), "reminders." + key) : fallback;
    }

    /**
     * The app can be used once its activation delay is over; {@code howToTest} tells the requester what to try
     * (never "wait": the wait is over when this arrives). Goes to the app's owner when it fires (the requester
     * unless an admin named another).
     */
    public Reminder appUsable(ChatUserRef requester, String org, String apiName, Instant provisionedAt,
                              Duration activationDelay, String howToTest) {
        return new Reminder("app-usable:" + org + "/" + apiName + "@" + provisionedAt.toEpochMilli(), ReminderKind.APP_USABLE,
                Recipient.owner(requester), org, apiName, null, provisionedAt.plus(activationDelay),
                apiName + " in " + org + " should be usable now. " + howToTest);
    }

    /**
     * Refresh tokens issued at {@code authorisedAt} under {@code policies} expire at a fixed time only for a
     * specific lifetime: then remind {@code to} ahead of it by the configured lead (see {@link #refreshTokenExpiring(
     * Recipient, String, String, Instant, OauthPolicies, String, Duration)}).
     */
    public Optional<Reminder> refreshTokenExpiring(Recipient to, String org, String apiName, Instant authorisedAt,
                                                   OauthPolicies policies, String howToReauthorise) {
        return refreshTokenExpiring(to, org, apiName, authorisedAt, policies, howToReauthorise, null);
    }

    /**
     * Like the configured-lead variant, reminding {@code lead} ahead (the playbook's notice; null: the configured
     * lead), never more than a quarter of the lifetime ahead, so a 12-hour lifetime is not reminded at once. The
     * text says when the tokens expire and how long that is from when it arrives, so lead and text agree.
     */
    public Optional<Reminder> refreshTokenExpiring(Recipient to, String org, String apiName, Instant authorisedAt,
                                                   OauthPolicies policies, String howToReauthorise, Duration lead) {
        if (policies.refreshTokenPolicy() != RefreshTokenPolicy.SPECIFIC_LIFETIME
                || policies.refreshTokenValidityPeriod() == null || policies.refreshTokenValidityUnit() == null) {
            return Optional.empty();
        }
        int period = policies.refreshTokenValidityPeriod();
        var start = authorisedAt.atZone(ZoneOffset.UTC);
        Instant expiry = switch (policies.refreshTokenValidityUnit()) {
            case HOURS -> start.plusHours(period).toInstant();
            case DAYS -> start.plusDays(period).toInstant();
            case MONTHS -> start.plusMonths(period).toInstant();
        };
        Duration lifetime = Duration.between(authorisedAt, expiry);
        Duration ahead = dev.ecabot.playbook.PlaybookRenderer.noticeWithin(lifetime, lead == null ? refreshTokenLead : lead);
        Instant due = latest(authorisedAt, expiry.minus(ahead));
        String unit = policies.refreshTokenValidityUnit().token().toLowerCase(Locale.ROOT);
        return Optional.of(new Reminder("refresh-expiring:" + org + "/" + apiName + "@" + authorisedAt.toEpochMilli(),
                ReminderKind.REFRESH_TOKEN_EXPIRING, to, org, apiName, null, due,
                "Refresh tokens of " + apiName + " in " + org + " issued when it was set up expire at " + expiry
                        + ", in about " + dev.ecabot.duration.HumanTime.duration(Duration.between(due, expiry))
                        + " (policy: " + period + " " + (period == 1 ? unit.replaceAll("s$", "") : unit) + "). "
                        + howToReauthorise));
    }

    /** After rotating at {@code rotatedAt}, the old pair stops working 30 days later: remind ahead to move off it. */
    public Reminder oldCredentialExpiring(Recipient to, String org, String apiName, Instant rotatedAt) {
        Instant expiry = rotatedAt.plus(OLD_PAIR_LIFETIME);
        return new Reminder("old-pair-expiring:" + org + "/" + apiName + "@" + rotatedAt.toEpochMilli(),
                ReminderKind.OLD_CREDENTIAL_EXPIRING, to, org, apiName, null, latest(rotatedAt, expiry.minus(oldCredentialLead)),
                "The old consumer key and secret of " + apiName + " in " + org + " stop working at " + expiry
                        + ". Make sure every integration uses the new pair, then revoke the old one.");
    }

    /**
     * A playbook's {@code kind: after} reminder number {@code index} of the app created at {@code createdAt}: due
     * {@code after} later, to the app's owner (the requester unless an admin named another), with the playbook's
     * text (answers already filled in).
     */
    public Reminder playbookAfter(ChatUserRef requester, String org, String apiName, Instant createdAt, int index,
                                  Duration after, String text) {
        return new Reminder("playbook-after:" + org + "/" + apiName + "@" + createdAt.toEpochMilli() + "#" + index,
                ReminderKind.PLAYBOOK_AFTER, Recipient.owner(requester), org, apiName, null, createdAt.plus(after),
                text.length() > 2000 ? text.substring(0, 1997) + "..." : text);
    }

    /** The first reminder of an app's open manual steps comes this long after the app was made... */
    public static final Duration CHECKLIST_FIRST = Duration.ofDays(1);
    /** ...then one every this long, until every step is ticked off or the app is gone. */
    public static final Duration CHECKLIST_EVERY = Duration.ofDays(7);

    /**
     * The first reminder of the manual steps of the app created at {@code createdAt}, to its owner (the requester
     * unless an admin names another): a day later, when a step left for "later" is easily forgotten. Its text is
     * brought up to date with the steps still open each time it fires (see {@link Recurrence}).
     */
    public Reminder checklistOpen(ChatUserRef requester, String org, String apiName, Instant createdAt, int openSteps) {
        return new Reminder(checklistId(org, apiName, createdAt, 1), ReminderKind.CHECKLIST_OPEN, Recipient.owner(requester),
                org, apiName, null, createdAt.plus(CHECKLIST_FIRST), checklistText(org, apiName, openSteps + " manual step"
                        + (openSteps == 1 ? " is" : "s are") + " still to do (\"show " + apiName + "\" lists them)."));
    }

    /**
     * The reminder after {@code delivered} (fired at {@code firedAt}): a week later, and never less than a day after
     * it fired, so one delivered late (the bot was down) is not followed by a burst. Same recipient, numbered on.
     */
    public static Reminder nextChecklist(Reminder delivered, Instant firedAt) {
        String id = delivered.id();
        int hash = id.lastIndexOf('#');
        int round = hash < 0 ? 1 : Integer.parseInt(id.substring(hash + 1));
        String nextId = (hash < 0 ? id : id.substring(0, hash)) + "#" + (round + 1);
        Instant due = latest(delivered.dueAt().plus(CHECKLIST_EVERY), firedAt.plus(CHECKLIST_FIRST));
        return new Reminder(nextId, ReminderKind.CHECKLIST_OPEN, delivered.recipient(), delivered.org(),
                delivered.apiName(), null, due, delivered.text());
    }

    /** The words of a checklist reminder around {@code steps} (what is still to do), with how to tick a step off. */
    public static String checklistText(String org, String apiName, String steps) {
        if (steps.length() > 1600) steps = steps.substring(0, 1597) + "..."; // the "done" hint always fits
        String text = "Manual steps of " + apiName + " in " + org + ": " + steps + " Once a step is done, an admin ticks it"
                + " off with \"done " + apiName + " <step>\"; I remind you every week until every step is.";
        return text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    }

    private static String checklistId(String org, String apiName, Instant createdAt, int round) {
        return "checklist:" + org + "/" + apiName + "@" + createdAt.toEpochMilli() + "#" + round;
    }

    /** Tells the org's approvers that a request will expire soon if nobody decides it. */
    public Reminder approvalExpiring(ApprovalRequest request) {
        return new Reminder("approval-expiring:" + request.id(), ReminderKind.APPROVAL_EXPIRING, Recipient.approvers(),
                request.org(), request.apiName(), request.id(),
                latest(request.createdAt(), request.expiresAt().minus(approvalLead)),
                "Request " + request.id() + " (" + request.playbook() + " in " + request.org() + ", asked by "
                        + request.requester() + ") expires at " + request.expiresAt() + " unless someone approves or denies it.");
    }

    /** The id of {@link #revealExpiring}'s reminder for an offer, to cancel it once the secret is revealed. */
    public static String revealExpiringId(String offerId) {
        return "reveal-expiring:" + offerId;
    }

    /**
     * Tells the requester their credentials will be destroyed soon if not revealed. Always the requester, never the
     * app's owner: the secret was offered to them alone, and only they may reveal it (an owner change leaves it).
     */
    public Reminder revealExpiring(RevealOffer offer) {
        return new Reminder(revealExpiringId(offer.offerId()), ReminderKind.REVEAL_EXPIRING,
                Recipient.requester(offer.requester()), offer.org(), offer.apiName(), offer.offerId(),
                latest(offer.createdAt(), offer.expiresAt().minus(revealLead)),
                "Your credentials for " + offer.apiName() + " in " + offer.org() + " are waiting: reveal them before "
                        + offer.expiresAt() + ", or they will be destroyed.");
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
