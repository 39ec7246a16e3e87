package dev.ecabot.posture;

import java.util.Locale;

/** How much a posture finding matters; the order is most serious first. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    /** The word used in rule files and messages: high, medium, low. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
