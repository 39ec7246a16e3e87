package dev.ecabot.reminders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One reminder: what kind, for whom, about which org and app, when, and the text to send. The id makes
 * scheduling idempotent: give a stable one (e.g. "usable:" + request id) so a retried step schedules it once.
 * {@code apiName} and {@code reference} (an approval request or reveal offer id) may be null. Immutable.
 */
public record Reminder(String id, ReminderKind kind, Recipient recipient, String org, String apiName,
                       String reference, Instant dueAt, String text) {

    public Reminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(text, "text");
        dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);   // what Quartz and the database keep
        if (id.isBlank() || id.length() > 128) throw new IllegalArgumentException("A reminder id is 1-128 characters; got '" + id + "'");
        if (text.length() > 2000) throw new IllegalArgumentException("A reminder's text is at most 2000 characters; got " + text.length());
    }

    /** A reminder with a fresh random id. */
    public static Reminder of(ReminderKind kind, Recipient recipient, String org, String apiName, Instant dueAt, String text) {
        return new Reminder(UUID.randomUUID().toString(), kind, recipient, org, apiName, null, dueAt, text);
    }

    public Reminder withId(String newId) {
        return new Reminder(newId, kind, recipient, org, apiName, reference, dueAt, text);
    }

    public Reminder withReference(String newReference) {
        return new Reminder(id, kind, recipient, org, apiName, newReference, dueAt, text);
    }

    /** A line to add when a reminder arrives late, saying so. */
    public String lateNote() {
        return "(This reminder was due at " + dueAt + "; it comes late because the bot was not running then.)";
    }
}
