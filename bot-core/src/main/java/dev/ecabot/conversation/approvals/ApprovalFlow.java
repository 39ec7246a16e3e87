package dev.ecabot.conversation.approvals;

import dev.ecabot.conversation.message.Person;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.approval.ApprovalNeed;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The approval part of a {@code new} conversation: asks the requester why, stores the request, shows approvers its
 * card and reminds them before it expires; then tells the requester the outcome (denied with the reason, expired,
 * withdrawn), closing every card. Approved requests go to their purpose's handler ({@link ApprovedWork}). A
 * conversation waits in {@link Stage#AWAITING_APPROVAL} with the request id as its pending item, so it survives
 * restarts. Thread-safe.
 */
public final class ApprovalFlow {

    public static final String REASON_FORM = dev.ecabot.conversation.PromptRef.Fixed.APPROVAL_REASON.encode();

    private final ConversationStore store;
    private final Approvals approvals;
    private final ApprovalCards cards;
    private final FollowUpReminders followUps;
    private final ChatPort port;
    private final EngineSettings settings;

    public ApprovalFlow(ConversationStore store, Approvals approvals, ApprovalCards cards, FollowUpReminders followUps,
                        ChatPort port, EngineSettings settings) {
        this.store = store;
        this.approvals = approvals;
        this.cards = cards;
        this.followUps = followUps;
        this.port = port;
        this.settings = settings;
    }

    /** Why {@code user} may never decide request {@code requestId} (their own, not an approver), or empty. */
    public Optional<String> whyMayNotDecide(String requestId, ChatUserRef user) {
        return approvals.whyMayNotDecide(requestId, user);
    }

    /** Approvals {@code purpose} needs on {@code playbook} in {@code org}, and why: the one policy function. */
    public ApprovalNeed need(String org, String playbook, ApprovalPurpose purpose) {
        return approvals.need(org, playbook, purpose);
    }

    /** The order needs {@code needed} approvals: ask the requester why they need it. */
    public void askReason(ConversationState state, int needed, Replies replies) {
        store.save(state.withStage(Stage.GIVING_REASON, REASON_FORM));
        replies.send(reasonPrompt(state.org(), needed, null));
    }

    public static FormPrompt reasonPrompt(String org, int needed, String error) {
        return new FormPrompt(REASON_FORM, "Org " + org + " needs " + needed + (needed == 1 ? " approval" : " approvals")
                + " before I create this. Why do you need it? (The approvers will read this.)",
                List.of(new FormField(REASON_FORM, "Reason", FieldType.TEXT, null, true,
                        "e.g. \"Vonage voice bot for the support team, ticket OPS-142\"", List.of(), error)));
    }

    /** As {@link #submit(ConversationState, ApprovalDraft, ApprovalNeed, Replies)}, needing what the policy says. */
    public void submit(ConversationState state, ApprovalDraft draft, Replies replies) {
        submit(state, draft, need(draft.org(), draft.playbook(), draft.purpose()), replies);
    }

    /**
     * Stores the request of {@code state}'s conversation needing {@code need} (the policy's answer, or more: a posture
     * finding the org blocks), shows the approvers its card, schedules their reminder and tells the requester.
     */
    public void submit(ConversationState state, ApprovalDraft draft, ApprovalNeed need, Replies replies) {
        ApprovalRequest request = approvals.submit(draft, need);
        store.save(state.withStage(Stage.AWAITING_APPROVAL, request.id()));
        int places = cards.post(request);
        followUps.approvalPending(request);
        Instant now = settings.clock().instant();
        replies.say("Request " + request.id() + " is waiting for approval (" + request.requiredApprovals() + " needed "
                + "in org " + request.org() + "). Its card is on its way to the approvers: I will tell you here if it cannot "
                + "reach one of them, and when they decide; nothing is created before that. It expires at " + HumanTime.fromNow(request.expiresAt(), now) + " if nobody decides. Say \"cancel\" to withdraw it.");
        if (places == 0) replies.warn(cards.nobodyToldAdvice(request.org()));
    }

    /**
     * Stores a request made by a single command (rotate, delete) rather than a conversation, shows the approvers its
     * card and schedules their reminder; warns {@code replies} when nobody could be shown it.
     */
    public ApprovalRequest submitChange(ApprovalDraft draft, Replies replies) {
        ApprovalRequest request = approvals.submit(draft);
        int places = cards.post(request);
        followUps.approvalPending(request);
        if (places == 0) replies.warn(cards.nobodyToldAdvice(request.org()));
        return request;
    }

    /** The conversation waiting for request {@code requestId}, if it still exists. */
    public Optional<ConversationState> waitingFor(String requestId) {
        return store.awaitingApproval(requestId);
    }

    /** The requester cancels while approvers have not decided: withdraw the request and close its cards. */
    public void withdraw(ConversationState state, Replies replies) {
        if (approvals.withdraw(state.pending(), refOf(state.user()))) {
            approvals.find(state.pending()).ifPresent(r -> {
                cards.close(r, ApprovalCard.Status.WITHDRAWN, state.user().person().inText(), settings.clock().instant(),
                        "withdrawn by the requester");
                followUps.approvalClosed(r);
            });
        }
        store.delete(state.key());
        replies.say("Withdrew request " + state.pending() + ". Nothing was created.");
    }

    /** All approvals are in: close the cards (the dialogue then provisions). */
    public void approved(ApprovalRequest request, ChatUser approver) {
        cards.close(request, ApprovalCard.Status.APPROVED, approvers(request, approver), request.decidedAt(), null);
        followUps.approvalClosed(request);
    }

    /**
     * Everyone who approved {@code request}, in order ("carol and Bob"), as {@link Person}s in text: the last one,
     * {@code last}, with their display name, the earlier ones by their chat id (all the request keeps of them).
     */
    public static String approvers(ApprovalRequest request, ChatUser last) {
        List<String> names = new java.util.ArrayList<>();
        var lastRef = refOf(last);
        for (var ref : request.approvedBy()) {
            if (!ref.equals(lastRef)) names.add(new Person(ref.platform(), ref.id(), ref.id()).inText());
        }
        names.add(last.person().inText());
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Denied: close the cards, tell the requester the reason, end their conversation. */
    public void denied(ApprovalRequest request, ChatUser approver) {
        cards.close(request, ApprovalCard.Status.DENIED, approver.person().inText(), request.decidedAt(), request.denialReason());
        followUps.approvalClosed(request);
        tellRequester(request, "Request " + request.id() + " (" + PurposeWords.what(request) + ") was denied by " + approver.person().inText() + ": " + request.denialReason()
                + ". " + PurposeWords.nothingDone(request));
    }

    /**
     * Expires due requests now when {@code state} waits for one that is past its time (so a requester never hears
     * "waiting" about a request that expired while the sweep had not run yet); true when it did.
     */
    public boolean expireIfDue(ConversationState state) {
        if (state.stage() != Stage.AWAITING_APPROVAL || state.pending() == null) return false;
        boolean due = approvals.find(state.pending()).map(r -> r.state() == ApprovalRequest.State.PENDING
                && !r.expiresAt().isAfter(settings.clock().instant())).orElse(false);
        return due && expireDue() > 0;
    }

    /** Expires the requests nobody decided in time, telling each requester; returns how many. */
    public int expireDue() {
        List<ApprovalRequest> expired = approvals.expireDue();
        for (ApprovalRequest r : expired) {
            cards.close(r, ApprovalCard.Status.EXPIRED, null, r.decidedAt(), "nobody decided before it expired");
            followUps.approvalClosed(r);
            tellRequester(r, "Request " + r.id() + " (" + PurposeWords.what(r) + ") expired: no approver "
                    + "decided it in time. " + PurposeWords.nothingDone(r));
        }
        return expired.size();
    }



    /** Where to tell the requester waiting in {@code state}'s conversation. */
    public Replies repliesTo(ConversationState state) {
        return new Replies(port, new ChatAddress(state.user(), state.place()));
    }

    private void tellRequester(ApprovalRequest request, String text) {
        Optional<ConversationState> waiting = waitingFor(request.id());
        Replies replies = waiting.map(this::repliesTo).orElseGet(() -> new Replies(port,
                ChatAddress.directTo(ChatUser.of(request.requester().platform(), request.requester().id()))));
        waiting.ifPresent(s -> store.delete(s.key()));
        replies.warn(text);
    }

    /** The access and approval packages name people by {@link ChatUserRef} ({@code platform:id}). */
    static ChatUserRef refOf(ChatUser user) {
        return new ChatUserRef(user.platform(), user.id());
    }
}
