package dev.ecabot.conversation.command.inventory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Moments in inventory and audit answers, one way everywhere: {@code 2026-03-02 10:12 UTC}. */
public final class UtcTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    public static String of(Instant at) {
        return FORMAT.format(at);
    }
}
