/**
 * Approvals, the domain: what a change needs ({@link dev.ecabot.approval.ApprovalPolicy#need}, the one policy function
 * over {@link dev.ecabot.approval.ApprovalPolicyConfig}), and {@link dev.ecabot.approval.Approvals} to submit, approve
 * (bound by fingerprint, never by the requester), deny with a reason, withdraw and expire. Nothing is provisioned
 * unless a request is APPROVED. Its chat side (cards, commands, the requester's flow, who carries out approved work)
 * is {@code dev.ecabot.conversation.approvals}.
 */
package dev.ecabot.approval;
