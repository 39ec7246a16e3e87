/**
 * Approvals in chat, all of it: the requester's flow ({@link dev.ecabot.conversation.approvals.ApprovalFlow}), the
 * approvers' cards ({@link dev.ecabot.conversation.approvals.ApprovalCards}), {@code approve} and {@code deny}, the
 * requests waiting for an approver ({@link dev.ecabot.conversation.approvals.PendingApprovals}), what chat says per
 * purpose ({@link dev.ecabot.conversation.approvals.PurposeWords}) and who carries out each purpose once approved
 * ({@link dev.ecabot.conversation.approvals.ApprovedWork}). What needs approving is decided in
 * {@code dev.ecabot.approval} alone.
 */
package dev.ecabot.conversation.approvals;
