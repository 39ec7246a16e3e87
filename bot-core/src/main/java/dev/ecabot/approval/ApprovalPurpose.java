package dev.ecabot.approval;

/** What an approval request would allow. */
public enum ApprovalPurpose {
    CREATE, ROTATE, DELETE,
    /** Change the settings of an existing app (chat {@code update <app>}): approvers see every changed setting. */
    UPDATE
}
