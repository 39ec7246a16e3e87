package dev.ecabot.playbook;

import java.time.Duration;
import java.util.Objects;

/**
 * A reminder to schedule for one rendered app: fire {@code after} the app was created, with this text
 * (answer references already filled in). {@code kind} is the rule's kind, e.g. {@code refresh-token-expiry};
 * {@code notice} is how long before the refresh token lifetime ends it fires (null for other kinds).
 */
public record PlannedReminder(String kind, Duration after, String text, Duration notice) {

    public PlannedReminder(String kind, Duration after, String text) {
        this(kind, after, text, null);
    }

    public PlannedReminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(text, "text");
    }
}
