package dev.ecabot.conversation.message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * People and moments inside the engine's plain texts. The engine writes {@link Person#inText()} and
 * {@link #moment(Instant)} into any text (a message, a fact value, a card field); a renderer splits the text with
 * {@link #parts(String)} and shows each part its platform's way: Slack {@code <@U...>} and
 * {@code <!date^epoch^...|fallback>}, Teams mention entities and an explicit UTC time, the terminal via
 * {@link #plain(String)} ("slack:U024BE7LH", "2026-12-03 16:37 UTC").
 * <p>
 * A reference is marked by two private-use characters that nobody types; {@link #clean(String)} removes them from
 * what people write (a reason, a name), so a user cannot forge one. A malformed mark shows as nothing.
 */
public final class InlineText {

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    private static final char SEP = '\u001F';
    private static final char PERSON = 'P';
    private static final char MOMENT = 'T';

    /** The one written form of a moment where the reader's zone is unknown: "2026-12-03 16:37 UTC". */
    public static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A piece of text: words, a person, or a moment. */
    public sealed interface Part permits Words, Mention, Moment { }

    public record Words(String text) implements Part { }

    public record Mention(Person person) implements Part { }

    /** A moment, to show in the reader's time zone where the platform knows it, else in UTC. */
    public record Moment(Instant at) implements Part {
        /** "2026-12-03 16:37 UTC". */
        public String utc() {
            return UTC.format(at);
        }
    }

    private InlineText() {
    }

    static String person(Person p) {
        return OPEN + "" + PERSON + p.key() + (p.name() == null ? "" : SEP + p.name()) + CLOSE;
    }

    /** A moment inside a text: the reader sees it in their zone (Slack) or as "2026-12-03 16:37 UTC". */
    public static String moment(Instant at) {
        return dev.ecabot.duration.HumanTime.at(at); // the marker is written there, below the chat layer
    }

    /** What people typed, without the characters that mark references. */
    public static String clean(String typed) {
        if (typed == null) return null;
        return typed.indexOf(OPEN) < 0 && typed.indexOf(CLOSE) < 0 ? typed
                : typed.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    /** Whether {@code text} holds any person or moment. */
    public static boolean hasReferences(String text) {
        return text != null && text.indexOf(OPEN) >= 0;
    }

    /** The text in parts, in order; adjacent words are one part. */
    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) return parts;
        int at = 0;
        StringBuilder words = new StringBuilder();
        while (at < text.length()) {
            int open = text.indexOf(OPEN, at);
            if (open < 0) {
                words.append(text, at, text.length());
                break;
            }
            words.append(text, at, open);
            int close = text.indexOf(CLOSE, open);
            if (close < 0) break; // a cut mark: drop the rest of it
            Part ref = reference(text.substring(open + 1, close));
            if (ref != null) {
                if (!words.isEmpty()) parts.add(new Words(words.toString()));
                words.setLength(0);
                parts.add(ref);
            }
            at = close + 1;
        }
        if (!words.isEmpty()) parts.add(new Words(words.toString()));
        return parts;
    }

    /** The text as the terminal (and any plain reader) shows it: people by name or id, moments in UTC. */
    public static String plain(String text) {
        if (!hasReferences(text)) return text;
        StringBuilder out = new StringBuilder();
        for (Part p : parts(text)) {
            if (p instanceof Words w) out.append(w.text());
            else if (p instanceof Mention m) out.append(m.person().plain());
            else if (p instanceof Moment t) out.append(t.utc());
        }
        return out.toString();
    }

    private static Part reference(String body) {
        if (body.isEmpty()) return null;
        String rest = body.substring(1);
        try {
            if (body.charAt(0) == PERSON) {
                int sep = rest.indexOf(SEP);
                Person p = Person.ofKey(sep < 0 ? rest : rest.substring(0, sep));
                if (p == null) return null;
                return new Mention(sep < 0 ? p : new Person(p.platform(), p.id(), rest.substring(sep + 1)));
            }
            if (body.charAt(0) == MOMENT) return new Moment(Instant.ofEpochSecond(Long.parseLong(rest)));
        } catch (RuntimeException malformed) {
            return null;
        }
        return null;
    }
}
