package dev.ecabot.duration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Durations and moments in words people read in chat: "1 hour", "about 10:42, 30 minutes from now". */
public final class HumanTime {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private HumanTime() {
    }

    /** "45 seconds", "1 minute", "30 minutes", "1 hour", "2 hours 15 minutes", "3 days". */
    public static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) return plural(d.toSeconds(), "second");
        if (minutes < 60) return plural(minutes, "minute");
        long hours = d.toHours();
        if (hours >= 48) return plural(d.toDays(), "day");
        long rest = minutes - hours * 60;
        return rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
    }

    /** "about 10:42, 30 minutes from now" (or "now" when {@code at} is not after {@code now}). */
    public static String fromNow(Instant at, Instant now, ZoneId zone) {
        if (!at.isAfter(now)) return "now";
        return "about " + CLOCK.format(at.atZone(zone)) + ", " + duration(Duration.between(now, at)) + " from now";
    }

    /** "2026-03-02 10:42 UTC": a moment in the past or future, with its zone. */
    public static String at(Instant at, ZoneId zone) {
        return STAMP.format(at.atZone(zone));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
