package dev.ecabot.conversation.approvals;

import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.ChatUser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who carries out an approved request other than {@code new} (rotate, delete): the inventory commands register a
 * handler per purpose when the bot talks to orgs; {@code approve} hands each completed request here. Thread-safe.
 */
public final class ApprovedChanges {

    /** Carries out {@code request}, whose approval {@code approver} completed, and tells its requester. */
    @FunctionalInterface
    public interface Handler {
        void carryOut(ApprovalRequest request, ChatUser approver);
    }

    private final Map<ApprovalPurpose, Handler> handlers = new ConcurrentHashMap<>();

    public ApprovedChanges on(ApprovalPurpose purpose, Handler handler) {
        handlers.put(purpose, handler);
        return this;
    }

    /** Hands {@code request} to its purpose's handler; false when none is registered (the bot talks to no org). */
    public boolean carryOut(ApprovalRequest request, ChatUser approver) {
        Handler handler = handlers.get(request.draft().purpose());
        if (handler == null) return false;
        handler.carryOut(request, approver);
        return true;
    }
}
