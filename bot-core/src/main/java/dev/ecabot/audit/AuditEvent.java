package dev.ecabot.audit;

import dev.ecabot.access.ChatUserRef;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: when, what, who (null when the bot itself acted), which app, and a short
 * human detail. Never put a secret in {@code detail}: say "revealed", not what. Immutable.
 */
public record AuditEvent(Instant at, AuditKind kind, ChatUserRef actor, String org, String apiName,
                         String reference, String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (detail.length() > 2000) detail = detail.substring(0, 1997) + "...";
    }

    public static AuditEvent of(Instant at, AuditKind kind, ChatUserRef actor, String org, String apiName, String detail) {
        return new AuditEvent(at, kind, actor, org, apiName, null, detail);
    }

    /** The same event, tied to an approval request or reveal offer id. */
    public AuditEvent withReference(String reference) {
        return new AuditEvent(at, kind, actor, org, apiName, reference, detail);
    }
}
