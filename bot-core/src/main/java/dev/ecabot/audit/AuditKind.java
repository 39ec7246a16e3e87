package dev.ecabot.audit;

/** What happened, in the words of the audit trail. */
public enum AuditKind {
    REQUEST, APPROVAL, DENIAL, PROVISIONING, REVEAL, ROTATION, DELETION, EXPIRY,
    /** {@code sync} found an app in its org that the inventory lacked. */
    IMPORT,
    /** {@code sync} found an app's settings in its org differing from those it was made with. */
    DRIFT,
    /** An admin made someone the owner of an app ({@code owner}). */
    OWNER
}
