/**
 * Approval requests: the policy per org and playbook ({@link dev.ecabot.approval.ApprovalPolicyConfig}), and
 * {@link dev.ecabot.approval.Approvals} to submit, approve (bound by fingerprint, never by the requester), deny
 * with a reason, withdraw and expire. Nothing is provisioned unless a request is APPROVED.
 */
package dev.ecabot.approval;
