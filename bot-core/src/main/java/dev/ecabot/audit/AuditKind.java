package dev.ecabot.audit;

/** What happened, in the words of the audit trail. */
public enum AuditKind {
    REQUEST, APPROVAL, DENIAL, PROVISIONING, REVEAL, ROTATION, DELETION, EXPIRY,
    /** {@code sync} found an app in its org that the inventory lacked. */
    IMPORT,
    /** {@code sync} found an app's settings in its org differing from those it was made with. */
    DRIFT,
    /** {@code sync} ran (with or without imports or drift): what it found, in numbers. */
    SYNC,
    /** The inventory left the bot as a file ({@code export}, in chat or on the command line). */
    EXPORT,
    /** Provisioning failed (a failed deploy included): what went wrong, never a secret. */
    FAILURE,
    /** Someone asked for something no role of theirs allows. */
    REFUSAL,
    /** {@code sync} found an app of the inventory no longer in its org (marked missing), or back again. */
    MISSING,
    /** An admin set an app's playbook or owner ({@code assign}). */
    ASSIGNMENT,
    /** An admin made someone the owner of an app ({@code owner}). */
    OWNER,
    /**
     * An operator deployed from the command line without the approvals the org's policy requires
     * ({@code provision --override-approval "reason"}): who, what, and the reason given.
     */
    APPROVAL_OVERRIDE,
    /** An admin had the bot request a client credentials token as an app's run-as user ({@code test}): the outcome. */
    CREDENTIALS_TEST,
    /** An app's settings were changed and redeployed ({@code update <app>} in chat, {@code provision --update}). */
    UPDATE
}
