package dev.ecabot.audit;

/** What happened, in the words of the audit trail. */
public enum AuditKind {
    REQUEST, APPROVAL, DENIAL, PROVISIONING, REVEAL, ROTATION, DELETION, EXPIRY
}
