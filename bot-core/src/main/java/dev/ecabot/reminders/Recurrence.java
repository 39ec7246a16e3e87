package dev.ecabot.reminders;

import java.time.Instant;
import java.util.Optional;

/**
 * How a kind of reminder repeats while its cause lasts (e.g. an app's open manual steps). When one fires,
 * {@link Reminders} asks {@link #now} what to send (nothing: the cause is gone, the reminder stops), delivers it and
 * stores {@link #next} in the same transaction that marks it delivered, so a repeat is never lost nor scheduled twice,
 * whichever node of a cluster fires it. Implementations must be thread-safe.
 */
public interface Recurrence {

    /** The reminder to deliver now, its text brought up to date; empty when its cause is gone (then it stops). */
    Optional<Reminder> now(Reminder due);

    /** The next occurrence after {@code delivered}, which fired at {@code firedAt} (late, perhaps). */
    Reminder next(Reminder delivered, Instant firedAt);
}
