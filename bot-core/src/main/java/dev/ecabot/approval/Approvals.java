package dev.ecabot.approval;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.Role;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.ecabot.approval.ApprovalOutcome.Reason.ALREADY_APPROVED_BY_YOU;
import static dev.ecabot.approval.ApprovalOutcome.Reason.ALREADY_DECIDED;
import static dev.ecabot.approval.ApprovalOutcome.Reason.EXPIRED;
import static dev.ecabot.approval.ApprovalOutcome.Reason.FINGERPRINT_CHANGED;
import static dev.ecabot.approval.ApprovalOutcome.Reason.NOT_AN_APPROVER;
import static dev.ecabot.approval.ApprovalOutcome.Reason.NO_SUCH_REQUEST;
import static dev.ecabot.approval.ApprovalOutcome.Reason.REASON_REQUIRED;
import static dev.ecabot.approval.ApprovalOutcome.Reason.SELF_APPROVAL;

/**
 * Approval requests, stored so they survive restarts: submit one (approved at once where the policy needs no
 * approval), let approvers decide it (never the requester; only approvers for that org; only for the exact
 * content they saw, by fingerprint), and expire what nobody decided in time. Each step is audited in the same
 * transaction. Nothing may be provisioned unless the request is {@code APPROVED}. Thread-safe.
 */
public final class Approvals {

    private final DataSource dataSource;
    private final ApprovalPolicyConfig policy;
    private final ApprovalPolicy rules;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApprovalStore store = new ApprovalStore();

    public Approvals(DataSource dataSource, ApprovalPolicyConfig policy, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.rules = new ApprovalPolicy(policy);
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy this service applies (how many approvals, who, how long). */
    public ApprovalPolicyConfig policy() {
        return policy;
    }

    /** Approvals {@code purpose} needs on {@code playbook} in {@code org}, and why: {@link ApprovalPolicy#need}. */
    public ApprovalNeed need(String org, String playbook, ApprovalPurpose purpose) {
        return rules.need(org, playbook, purpose);
    }

    /** As {@link #need(String, String, ApprovalPurpose)} for an app whose {@code blockedFindings} the org's posture blocks. */
    public ApprovalNeed need(String org, String playbook, ApprovalPurpose purpose, List<String> blockedFindings) {
        return rules.need(org, playbook, purpose, blockedFindings);
    }

    /** Stores the request, needing what the policy says ({@link #need}); see {@link #submit(ApprovalDraft, ApprovalNeed)}. */
    public ApprovalRequest submit(ApprovalDraft draft) {
        return submit(draft, need(draft.org(), draft.playbook(), draft.purpose()));
    }

    /**
     * Stores the request needing {@code need} (the policy's answer, possibly raised, e.g. by a posture finding the org
     * blocks); PENDING until approved, or APPROVED at once when no approval is needed.
     */
    public ApprovalRequest submit(ApprovalDraft draft, ApprovalNeed need) {
        Instant now = clock.instant();
        int required = need.approvals();
        ApprovalRequest request = new ApprovalRequest(UUID.randomUUID().toString(), draft, Fingerprint.of(draft), required,
                List.of(), required == 0 ? ApprovalRequest.State.APPROVED : ApprovalRequest.State.PENDING, now,
                now.plus(policy.expiry()), required == 0 ? now : null, null, null);
        return SqlWork.inTransaction(dataSource, "store an approval request", c -> {
            store.insert(c, request);
            record(c, now, AuditKind.REQUEST, draft.requester(), request, draft.purpose().name().toLowerCase(Locale.ROOT)
                    + " requested: " + draft.reason());
            if (required == 0) {
                record(c, now, AuditKind.APPROVAL, null, request, "no approval needed by policy for org " + draft.org()
                        + ": " + need.reason());
            }
            return request;
        });
    }

    /** Records {@code approver}'s approval of the request as it was shown to them ({@code fingerprintSeen}). */
    public ApprovalOutcome approve(String requestId, ChatUserRef approver, String fingerprintSeen) {
        return SqlWork.inTransaction(dataSource, "approve a request", c -> {
            Optional<ApprovalRequest> found = store.find(c, requestId, true);
            if (found.isEmpty()) return noSuch(requestId);
            ApprovalRequest r = found.get();
            Instant now = clock.instant();
            Optional<ApprovalOutcome> refusal = refusal(c, r, approver, now);
            if (refusal.isPresent()) return refusal.get();
            if (!r.fingerprint().equals(fingerprintSeen) || !r.fingerprint().equals(Fingerprint.of(r.draft()))) {
                return new ApprovalOutcome.Refused(FINGERPRINT_CHANGED, "Request " + requestId + " is not the one you "
                        + "were shown: it changed since. Nothing was approved; review the current request and decide again.");
            }
            if (r.approvedBy().contains(approver)) {
                return new ApprovalOutcome.Refused(ALREADY_APPROVED_BY_YOU, "You already approved request " + requestId
                        + "; it needs another approver.");
            }
            store.addDecision(c, requestId, approver, "APPROVE", fingerprintSeen, now, null);
            List<ChatUserRef> approvedBy = new ArrayList<>(r.approvedBy());
            approvedBy.add(approver);
            boolean complete = approvedBy.size() >= r.requiredApprovals();
            if (complete) store.close(c, requestId, ApprovalRequest.State.APPROVED, now, null);
            record(c, now, AuditKind.APPROVAL, approver, r, complete ? "approved" : "approval " + approvedBy.size()
                    + " of " + r.requiredApprovals());
            ApprovalRequest updated = new ApprovalRequest(r.id(), r.draft(), r.fingerprint(), r.requiredApprovals(),
                    approvedBy, complete ? ApprovalRequest.State.APPROVED : r.state(), r.createdAt(), r.expiresAt(),
                    complete ? now : null, null, null);
            return complete ? new ApprovalOutcome.Approved(updated) : new ApprovalOutcome.ApprovalRecorded(updated);
        });
    }

    /** Denies the request; an approver must say why (the requester is told). */
    public ApprovalOutcome deny(String requestId, ChatUserRef approver, String reason) {
        if (reason == null || reason.isBlank()) {
            return new ApprovalOutcome.Refused(REASON_REQUIRED, "Say why you deny request " + requestId
                    + ": the requester will be told your reason.");
        }
        return SqlWork.inTransaction(dataSource, "deny a request", c -> {
            Optional<ApprovalRequest> found = store.find(c, requestId, true);
            if (found.isEmpty()) return noSuch(requestId);
            ApprovalRequest r = found.get();
            Instant now = clock.instant();
            Optional<ApprovalOutcome> refusal = refusal(c, r, approver, now);
            if (refusal.isPresent()) return refusal.get();
            String why = reason.strip();
            store.addDecision(c, requestId, approver, "DENY", null, now, why);
            store.close(c, requestId, ApprovalRequest.State.DENIED, now, why);
            record(c, now, AuditKind.DENIAL, approver, r, "denied: " + why);
            return new ApprovalOutcome.Denied(new ApprovalRequest(r.id(), r.draft(), r.fingerprint(), r.requiredApprovals(),
                    r.approvedBy(), ApprovalRequest.State.DENIED, r.createdAt(), r.expiresAt(), now, approver, why));
        });
    }

    /** The requester takes back a pending request (e.g. to change it: the changed one needs approving again). */
    public boolean withdraw(String requestId, ChatUserRef requester) {
        return SqlWork.inTransaction(dataSource, "withdraw a request", c -> {
            Optional<ApprovalRequest> found = store.find(c, requestId, true);
            if (found.isEmpty() || found.get().state() != ApprovalRequest.State.PENDING
                    || !found.get().requester().equals(requester)) {
                return false;
            }
            Instant now = clock.instant();
            store.close(c, requestId, ApprovalRequest.State.WITHDRAWN, now, null);
            record(c, now, AuditKind.REQUEST, requester, found.get(), "withdrawn by the requester");
            return true;
        });
    }

    /** Expires every pending request past its time; returns them so each requester can be told. */
    public List<ApprovalRequest> expireDue() {
        return SqlWork.inTransaction(dataSource, "expire approval requests", c -> {
            Instant now = clock.instant();
            List<ApprovalRequest> expired = new ArrayList<>();
            for (ApprovalRequest r : store.pendingDueBy(c, now)) {
                if (r.state() == ApprovalRequest.State.PENDING) expired.add(expire(c, r, now));
            }
            return expired;
        });
    }

    public Optional<ApprovalRequest> find(String requestId) {
        return SqlWork.inTransaction(dataSource, "read an approval request", c -> store.find(c, requestId, false));
    }

    /** Requests waiting for a decision, oldest first. */
    public List<ApprovalRequest> pending() {
        return SqlWork.inTransaction(dataSource, "list pending approval requests", store::pending);
    }

    /** Pending requests {@code approver} may decide: not their own, in orgs they approve for. */
    public List<ApprovalRequest> pendingFor(ChatUserRef approver) {
        return pending().stream().filter(r -> mayDecide(approver, r)).toList();
    }

    /**
     * Whom to tell about a request in {@code org}: the org's own approver list if it has one, else every approver.
     * Entries may be groups or whole platforms, for the engine to expand where the platform can; who may actually
     * decide is still checked by {@link #mayDecide} when they do.
     */
    public List<Grantee> approversToTell(String org) {
        List<Grantee> listed = policy.approversFor(org);
        return listed.isEmpty() ? access.grantees(Role.APPROVER) : listed;
    }

    /** Whether {@code user} may approve or deny {@code request} (role, org's approver list, not the requester). */
    public boolean mayDecide(ChatUserRef user, ApprovalRequest request) {
        return !request.requester().equals(user) && isApproverFor(user, request.org());
    }

    private boolean isApproverFor(ChatUserRef user, String org) {
        if (!access.holds(user, Role.APPROVER)) return false;
        var listed = policy.approversFor(org);
        return listed.isEmpty() || access.isAmong(user, listed);
    }

    /**
     * Why {@code user} may never decide request {@code requestId} (their own request, or not an approver for its
     * org), in words for them alone; empty when they may, or when there is no such request. Decided before any card
     * is touched, so a refused click changes nothing.
     */
    public Optional<String> whyMayNotDecide(String requestId, ChatUserRef user) {
        return find(requestId).flatMap(r -> whoRefusal(r, user)).map(ApprovalOutcome.Refused::message);
    }

    private Optional<ApprovalOutcome.Refused> whoRefusal(ApprovalRequest r, ChatUserRef approver) {
        if (r.requester().equals(approver)) {
            return Optional.of(new ApprovalOutcome.Refused(SELF_APPROVAL, "You cannot decide your own request "
                    + r.id() + "; another approver must."));
        }
        if (!isApproverFor(approver, r.org())) {
            return Optional.of(new ApprovalOutcome.Refused(NOT_AN_APPROVER, "You are not an approver for org " + r.org()
                    + ", so you cannot decide request " + r.id() + ". Ask a bot admin if you should be."));
        }
        return Optional.empty();
    }

    private Optional<ApprovalOutcome> refusal(Connection c, ApprovalRequest r, ChatUserRef approver, Instant now)
            throws SQLException {
        Optional<ApprovalOutcome.Refused> who = whoRefusal(r, approver);
        if (who.isPresent()) return Optional.of(who.get());
        if (r.state() == ApprovalRequest.State.EXPIRED) return Optional.of(expired(r));
        if (r.state() != ApprovalRequest.State.PENDING) {
            return Optional.of(new ApprovalOutcome.Refused(ALREADY_DECIDED, "Request " + r.id() + " was already "
                    + r.state().name().toLowerCase(Locale.ROOT) + " at " + r.decidedAt() + "; nothing changed."));
        }
        if (!now.isBefore(r.expiresAt())) {
            expire(c, r, now);
            return Optional.of(expired(r));
        }
        return Optional.empty();
    }

    private ApprovalRequest expire(Connection c, ApprovalRequest r, Instant now) throws SQLException {
        store.close(c, r.id(), ApprovalRequest.State.EXPIRED, now, null);
        record(c, now, AuditKind.EXPIRY, null, r, "approval request expired undecided");
        return new ApprovalRequest(r.id(), r.draft(), r.fingerprint(), r.requiredApprovals(), r.approvedBy(),
                ApprovalRequest.State.EXPIRED, r.createdAt(), r.expiresAt(), now, null, null);
    }

    private static ApprovalOutcome expired(ApprovalRequest r) {
        return new ApprovalOutcome.Refused(EXPIRED, "Request " + r.id() + " expired at " + r.expiresAt()
                + " without a decision; the requester must ask again.");
    }

    private static ApprovalOutcome noSuch(String requestId) {
        return new ApprovalOutcome.Refused(NO_SUCH_REQUEST, "There is no approval request " + requestId + ".");
    }

    private void record(Connection c, Instant now, AuditKind kind, ChatUserRef actor, ApprovalRequest r, String detail)
            throws SQLException {
        audit.record(c, AuditEvent.of(now, kind, actor, r.org(), r.apiName(), detail).withReference(r.id()));
    }
}
