package dev.ecabot.teams;

import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Person;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Who reads a Teams message, as far as its words depend on it: their time zone (Teams sends it in each activity's
 * {@code clientInfo} entity; {@link TeamsDirectory} keeps it) for every moment, and the names of the people it
 * mentions. Moments read "2026-12-03 08:37 PST" in every card and message: ISO date, 24-hour clock, the zone named,
 * so a reader in another zone of the same channel is not misled; the terminal's "2026-12-03 16:37 UTC" is the same
 * format in UTC. {@code names} answers null for a person it does not know. Immutable.
 */
record TeamsReader(ZoneId zone, Function<Person, String> names) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    TeamsReader {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(names, "names");
    }

    /** A reader in {@code zone} whose people are shown by the names the engine wrote (else their ids). */
    static TeamsReader in(ZoneId zone) {
        return new TeamsReader(zone, person -> null);
    }

    /** The zone Teams named ("America/Los_Angeles"), or {@code fallback} when it named none or one Java does not know. */
    static ZoneId zoneOr(String teamsZone, ZoneId fallback) {
        if (teamsZone == null || teamsZone.isBlank()) return fallback;
        try {
            return ZoneId.of(teamsZone.strip());
        } catch (java.time.DateTimeException unknown) {
            return fallback;
        }
    }

    /** {@code at} as this reader reads it: "2026-12-03 08:37 PST", or "2026-12-03 16:37 UTC". */
    String moment(Instant at) {
        if (zone.normalized().equals(ZoneOffset.UTC)) return InlineText.UTC.format(at);
        return LOCAL.withZone(zone).format(at);
    }

    /** The name to show for {@code person}: the one the engine wrote, else the directory's, else the id. */
    String nameOf(Person person) {
        if (person.name() != null) return person.name();
        String known = names.apply(person);
        return known != null ? known : person.plain();
    }
}
