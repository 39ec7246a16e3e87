package dev.ecabot.approval;

/** What an approval request would allow. */
public enum ApprovalPurpose { CREATE, ROTATE, DELETE }
