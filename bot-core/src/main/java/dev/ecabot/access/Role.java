package dev.ecabot.access;

/** What a person may do with the bot, granted by the {@code roles} section of the configuration. */
public enum Role {
    /** Asks for apps, follows their own requests, reveals their own credentials. */
    REQUESTER,
    /** Decides approval requests (never their own). */
    APPROVER,
    /** Everything a requester may do, plus sync, export, delete and the audit trail. Not an approver unless listed. */
    ADMIN
}
