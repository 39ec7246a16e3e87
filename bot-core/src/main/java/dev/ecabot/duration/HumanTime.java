package dev.ecabot.duration;

import java.time.Duration;
import java.time.Instant;

/**
 * Durations and moments in words people read in chat: "1 hour", "2026-03-02 10:42 UTC (30 minutes from now)". A
 * moment is written as a marker (the chat layer's {@code InlineText} reads it) so each reader sees it in their own zone
 * where the platform knows it (Slack), else with an explicit UTC (Teams, the terminal): one format everywhere, never a
 * bare clock time. The marker is written here so that this package, used by settings and playbooks, depends on nothing.
 */
public final class HumanTime {


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

    /** "2026-03-02 10:42 UTC (30 minutes from now)" (or "now" when {@code at} is not after {@code now}). */
    public static String fromNow(Instant at, Instant now) {
        if (!at.isAfter(now)) return "now";
        return at(at) + " (" + duration(Duration.between(now, at)) + " from now)";
    }

    /** "2026-03-02 10:42 UTC" or the reader's local time: a moment in the past or future. */
    public static String at(Instant at) {
        return MOMENT_OPEN + at.getEpochSecond() + MOMENT_CLOSE;
    }

    /** How a moment starts and ends inside a text (private-use characters nobody types; chat input is cleaned of them). */
    public static final String MOMENT_OPEN = "\uE000T";
    public static final String MOMENT_CLOSE = "\uE001";

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
