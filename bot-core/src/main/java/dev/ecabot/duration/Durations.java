package dev.ecabot.duration;

import dev.ecabot.settings.error.InvalidSettingException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the bot reads a duration, wherever it is written (ecabot.yaml, playbooks, environment variables such as
 * ECABOT_PROVISIONING_LEASE): {@code 0}; a whole number and a unit {@code s}, {@code m}, {@code h} or {@code d}
 * ({@code 45s}, {@code 90m}, {@code 24h}, {@code 7d}; a space before the unit is allowed); or ISO-8601
 * ({@code PT24H}, {@code P7D}, {@code PT1H30M}). Case does not matter; negative durations are refused.
 * A leaf package, so every part of the bot can use it without a dependency cycle.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @param where the setting being read (e.g. {@code reminders.revealLead}), named in the error
     * @throws InvalidSettingException naming {@code where} and the accepted forms when {@code text} is not a duration
     */
    public static Duration parse(String text, String where) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0")) return Duration.ZERO;
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (d.isNegative()) throw new InvalidSettingException(where + " must not be negative; got '" + text + "'");
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(where + " must be a duration like 24h, 90m, 7d, 45s or PT24H; got '"
                    + text + "'");
        }
    }
}
