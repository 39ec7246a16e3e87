package dev.ecabot.posture;

import java.util.Objects;

/**
 * One rule that fired on one app: the rule's id and severity, the setting it concerns, what was found (with the
 * app's own values filled in), why it matters, the source of that advice and how to fix it. Immutable.
 */
public record PostureFinding(String ruleId, Severity severity, String setting, String message, String why,
                             String source, String fix) {

    public PostureFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
    }

    /** One line for chat: "[high] Policies > IP Relaxation: IP restrictions are relaxed ("Relax IP restrictions"). Fix: ...". */
    public String line() {
        return "[" + severity.word() + "] " + setting + ": " + message + " Fix: " + fix;
    }

    /** The line with its reason and source, for {@code posture} and {@code show}. */
    public String explained() {
        return line() + " Why: " + why + " (source: " + source + ")";
    }
}
