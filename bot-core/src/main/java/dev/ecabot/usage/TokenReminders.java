package dev.ecabot.usage;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.Reminders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Token-aware reminders: for each user whose refresh token expires under the app's policy, one reminder to the app's
 * owner when it fires (the approvers when nobody owns it then) naming the user, {@code lead} before the expiry. The reminder id is
 * derived from org, app, user and the token's first issue, so reading the usage again (every digest, every
 * {@code usage}) never schedules a second one; a new token (re-authorized) gets its own. Once token-aware reminders
 * exist for an app, its per-app guess ("refresh tokens of X expire at ...", made at provisioning) is cancelled.
 * Thread-safe.
 */
public final class TokenReminders {

    /** Reminder ids start with this, then a digest of org/app/user/first issue. */
    public static final String ID_PREFIX = "refresh-user:";
    private static final String GUESS_PREFIX = "refresh-expiring:";

    private final Reminders reminders;
    private final Duration lead;

    public TokenReminders(Reminders reminders, Duration lead) {
        this.reminders = reminders;
        this.lead = lead;
    }

    /** Schedules what {@code usage} calls for; answers how many reminders were new. */
    public int schedule(AppUsage usage, Instant now) {
        int scheduled = 0;
        for (AppUsage.UserToken t : usage.tokens()) {
            if (t.expiresAt().isEmpty() || t.token().initialConnectionAt() == null || t.token().userIdentifier() == null) continue;
            Instant expiry = t.expiresAt().get();
            if (expiry.isBefore(now)) continue;
            Instant due = expiry.minus(lead).isBefore(now) ? now : expiry.minus(lead);
            String org = usage.app().org();
            String app = usage.app().apiName();
            String user = t.token().username() != null ? t.token().username() : t.token().userIdentifier();
            Recipient to = Recipient.owner(usage.owner() == null ? null : ChatUserRef.parse(usage.owner()));
            Reminder reminder = new Reminder(id(org, app, t.token().userIdentifier(), t.token().initialConnectionAt()),
                    ReminderKind.REFRESH_TOKEN_EXPIRING, to, org, app, null, due,
                    "The refresh token " + user + " holds for " + app + " in " + org + " expires at " + expiry
                            + " (first issued " + t.token().initialConnectionAt() + "). Ask " + user
                            + " to authorize the integration again before then, or it stops working for them.");
            if (reminders.schedule(reminder)) scheduled++;
        }
        if (scheduled > 0) cancelGuesses(usage);
        return scheduled;
    }

    private void cancelGuesses(AppUsage usage) {
        reminders.forApp(usage.app().org(), usage.app().apiName()).stream()
                .filter(r -> r.id().startsWith(GUESS_PREFIX))
                .forEach(r -> reminders.cancel(r.id()));
    }

    /** Stable per org, app, user and token; at most 128 characters whatever the names. */
    static String id(String org, String app, String userId, Instant firstIssued) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((org + "\n" + app + "\n" + userId + "\n"
                    + firstIssued.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
