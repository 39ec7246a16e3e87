package dev.ecabot.conversation.message;

import java.util.Locale;
import java.util.Objects;

/**
 * A person the bot names in a message (who asked, who decided, who owns an app). The engine writes
 * {@link #inText()} into any message text or fact value; each renderer turns it into what its readers know: a Slack
 * mention ({@code <@U024BE7LH>}), a Teams mention entity, or on the terminal the name (else {@code platform:id}).
 * Raw ids stay in configuration and in the audit export. {@code name} may be null (stored requesters are ids only;
 * Slack shows the name itself from the mention). Immutable.
 */
public record Person(String platform, String id, String name) {

    public Person {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        platform = platform.trim().toLowerCase(Locale.ROOT);
        id = id.trim();
        if (platform.isEmpty() || id.isEmpty() || platform.contains(":")) {
            throw new IllegalArgumentException("a person is platform:id, got '" + platform + ":" + id + "'");
        }
        name = name == null || name.isBlank() ? null : InlineText.clean(name);
    }

    /**
     * The person stored as {@code platform:id} ("slack:U024BE7LH"), or null when {@code key} is null, blank or not
     * of that form (an old row that stored a name): then callers show the text as it is.
     */
    public static Person ofKey(String key) {
        if (key == null) return null;
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1 || key.isBlank() || key.contains(" ")) return null;
        return new Person(key.substring(0, colon), key.substring(colon + 1), null);
    }

    /**
     * {@code key} as a person in text when it is {@code platform:id}, else {@code key} itself ("unknown"...). A list
     * as stored for several approvers ("slack:U1, slack:U2") becomes each person in turn.
     */
    public static String inTextOrAsIs(String key) {
        if (key != null && key.contains(", ")) {
            return java.util.Arrays.stream(key.split(", ")).map(Person::inTextOrAsIs)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        Person p = ofKey(key);
        return p == null ? (key == null ? "" : key) : p.inText();
    }

    /** "platform:id", as in configuration and the audit export. */
    public String key() {
        return platform + ":" + id;
    }

    /** How a reader without mentions sees this person: the name if known, else the key. */
    public String plain() {
        return name == null ? key() : name;
    }

    /** This person inside a message text: renderers replace it (see {@link InlineText}). */
    public String inText() {
        return InlineText.person(this);
    }
}
