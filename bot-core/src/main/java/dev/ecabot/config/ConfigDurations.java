package dev.ecabot.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in ecabot.yaml: {@code 24h}, {@code 90m}, {@code 7d}, or ISO-8601 ({@code PT24H}). */
public final class ConfigDurations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([dhm])");

    private ConfigDurations() {
    }

    /** Parses {@code text}; the error names {@code where} (e.g. {@code reminders.revealLead}) and the accepted forms. */
    public static Duration parse(String text, String where) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (d.isNegative()) throw new IllegalArgumentException(where + " must not be negative; got '" + text + "'");
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " must be a duration like 24h, 90m, 7d or PT24H; got '" + text + "'");
        }
    }
}
