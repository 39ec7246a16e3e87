package dev.ecabot.playbook;

import java.time.Duration;
import java.util.Objects;

/**
 * A reminder to schedule for one rendered app: fire {@code after} the app was created, with this text
 * (answer references already filled in). {@code kind} is the rule's kind, e.g. {@code refresh-token-expiry}.
 */
public record PlannedReminder(String kind, Duration after, String text) {

    public PlannedReminder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(text, "text");
    }
}
