package dev.ecabot.conversation.approvals;

import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.Replies;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who carries out a request once all its approvals are in: one handler per purpose, create included, every purpose
 * registered (the engine's builder lists them in one table), so {@code approve} hands each approved request here and
 * never decides by purpose itself. Immutable and thread-safe.
 */
public final class ApprovedWork {

    /** Carries out {@code request}, whose approval {@code approver} completed; {@code approverReplies} reach them. */
    @FunctionalInterface
    public interface Handler {
        void carryOut(ApprovalRequest request, ChatUser approver, Replies approverReplies);
    }

    private final Map<ApprovalPurpose, Handler> handlers;

    private ApprovedWork(Map<ApprovalPurpose, Handler> handlers) {
        List<ApprovalPurpose> missing = Arrays.stream(ApprovalPurpose.values()).filter(p -> !handlers.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No one carries out approved " + missing + " requests: register a handler for"
                    + " each purpose (ApprovedWork.builder() in EngineBuilder), or unavailable(...) where this bot cannot.");
        }
        this.handlers = Collections.unmodifiableMap(new EnumMap<>(handlers));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A handler for a purpose this bot cannot carry out (e.g. it talks to no org): tells the approver so, {@code why}
     * completing "Request X is approved, but ...".
     */
    public static Handler unavailable(String why) {
        return (request, approver, replies) -> replies.error("Request " + request.id() + " is approved, but " + why);
    }

    /** Hands {@code request} to its purpose's handler. */
    public void carryOut(ApprovalRequest request, ChatUser approver, Replies approverReplies) {
        handlers.get(request.draft().purpose()).carryOut(request, approver, approverReplies);
    }

    /** Collects one handler per purpose; {@link #build()} refuses a table that leaves one out. Not thread-safe. */
    public static final class Builder {

        private final Map<ApprovalPurpose, Handler> handlers = new EnumMap<>(ApprovalPurpose.class);

        private Builder() {
        }

        public Builder on(ApprovalPurpose purpose, Handler handler) {
            if (handlers.putIfAbsent(purpose, handler) != null) {
                throw new IllegalStateException("Approved " + purpose + " requests already have a handler");
            }
            return this;
        }

        public ApprovedWork build() {
            return new ApprovedWork(handlers);
        }
    }
}
