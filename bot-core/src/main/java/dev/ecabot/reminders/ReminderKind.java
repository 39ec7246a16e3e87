package dev.ecabot.reminders;

/** Why the bot reminds someone. */
public enum ReminderKind {
    /** The app's activation delay is over: it can be tested now. */
    APP_USABLE,
    /** A refresh token issued under a lifetime policy is about to expire: re-authorise the integration. */
    REFRESH_TOKEN_EXPIRING,
    /** After a rotation, the old consumer key/secret pair is about to stop working. */
    OLD_CREDENTIAL_EXPIRING,
    /** An approval request will expire soon if nobody decides it. */
    APPROVAL_EXPIRING,
    /** A reveal offer will be destroyed soon if the requester does not reveal it. */
    REVEAL_EXPIRING,
    /** A playbook's own reminder ({@code kind: after}), a fixed time after the app was created. */
    PLAYBOOK_AFTER,
    /** An app's manual steps are not all ticked off: repeats (see {@link Recurrence}) until they are or the app goes. */
    CHECKLIST_OPEN
}
