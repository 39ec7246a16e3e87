package dev.ecabot.conversation.command.inventory;

import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.approvals.PurposeWords;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Approval as policy for {@code rotate} and {@code delete}: where the approval policy needs approvals for the change
 * ({@link ApprovalFlow#need}) it becomes an approval request shown to approvers, and runs for its requester once
 * approved ({@link #carryOutApproved}, registered for both purposes in the engine's table); otherwise it runs at once.
 * Thread-safe.
 */
public final class ChangeApprovals {

    /** Separates a command's words from the reason approvers read: {@code rotate Vonage_Prod because <reason>}. */
    private static final Pattern BECAUSE = Pattern.compile("(?i)(?:^|\\s+)because(?:\\s+|$)");

    /** A command's arguments: its words before "because", and the reason after it (empty when none). */
    public record Asked(java.util.List<String> words, String reason) {

        public static Asked of(String arguments) {
            String[] parts = BECAUSE.split(arguments.strip(), 2);
            String before = parts.length == 0 ? "" : parts[0].strip();
            return new Asked(before.isEmpty() ? java.util.List.of() : java.util.List.of(before.split("\\s+")),
                    parts.length > 1 ? parts[1].strip() : "");
        }
    }

    private final ApprovalFlow flow;
    private final InventoryAppRepository inventory;
    private final AppChanges changes;
    private final ChatPort port;

    public ChangeApprovals(ApprovalFlow flow, InventoryAppRepository inventory, AppChanges changes, ChatPort port) {
        this.flow = flow;
        this.inventory = inventory;
        this.changes = changes;
        this.port = port;
    }

    /** Approvals {@code purpose} (rotate or delete) on {@code app} needs (0: run it now). */
    public int approvalsNeeded(ApprovalPurpose purpose, InventoryApp app) {
        return flow.need(app.org(), app.playbookOrUnknown(), purpose).approvals();
    }

    /** The changes themselves, for the orgs that need no approval. */
    public AppChanges changes() {
        return changes;
    }

    /**
     * The approval request's line that carries a rotation's {@code revoke-old} confirmation: approvers read it, and
     * once approved the pair holding the staged slot is revoked before the rotation (audited as confirmed).
     */
    static final String REVOKE_OLD_SETTING = "Staged slot";

    /** Submits {@code purpose} on {@code app} for approval; without a reason, says how to give one. */
    public void request(ApprovalPurpose purpose, InventoryApp app, ChatUser requester, String reason, Replies replies) {
        request(purpose, app, requester, reason, false, replies);
    }

    /**
     * As {@link #request(ApprovalPurpose, InventoryApp, ChatUser, String, Replies)}; {@code revokeSlotFirst} (rotate
     * only): the requester confirmed with {@code revoke-old} that the pair in the staged slot may be revoked first,
     * which the request carries to its approvers and through to the rotation.
     */
    public void request(ApprovalPurpose purpose, InventoryApp app, ChatUser requester, String reason,
                        boolean revokeSlotFirst, Replies replies) {
        String command = PurposeWords.command(purpose);
        int needed = approvalsNeeded(purpose, app);
        if (reason.isBlank()) {
            replies.warn("Org " + app.org() + " needs " + needed + (needed == 1 ? " approval" : " approvals") + " to "
                    + command + " " + app.apiName() + ". Say why, for the approvers: \"" + command + " " + app.apiName()
                    + " " + app.org() + (revokeSlotFirst ? " revoke-old" : "") + " because <reason>\".");
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("API name", app.apiName());
        settings.put("Label", java.util.Objects.toString(app.label(), app.apiName()));
        settings.put("Consumer key", app.consumerKey() == null ? "unknown" : app.consumerKey());
        settings.put(dev.ecabot.conversation.approvals.ApprovalCards.CREATED_BY, app.requester() == null ? "unknown" : app.requester());
        settings.put("Effect", purpose == ApprovalPurpose.ROTATE
                ? "new consumer key and secret for the requester; the old pair works 30 more days"
                : "the app is deleted from the org; every integration using it stops working at once");
        if (purpose == ApprovalPurpose.ROTATE && revokeSlotFirst) {
            settings.put(REVOKE_OLD_SETTING, "revoke the old pair it holds first (confirmed with revoke-old): integrations"
                    + " still using that pair stop working at once");
        }
        ApprovalRequest request;
        try {
            request = flow.submitChange(new ApprovalDraft(purpose, app.org(), app.playbookOrUnknown(), app.apiName(),
                    requester.ref(), reason, settings), replies);
        } catch (IllegalArgumentException e) {
            replies.warn(e.getMessage());
            return;
        }
        replies.say("Request " + request.id() + " to " + command + " " + app.apiName() + " is waiting for approval ("
                + request.requiredApprovals() + " needed in org " + app.org() + "). Its card is on its way to the approvers: "
                + "I will tell you if it cannot reach one of them, and when they decide; nothing changes before that.");
    }

    /** An approved rotation or deletion: tells its requester, and makes the change unless the app is gone. */
    public void carryOutApproved(ApprovalRequest request, ChatUser approver) {
        flow.approved(request, approver);
        Replies requester = new Replies(port, ChatAddress.directTo(ChatUser.of(request.requester().platform(),
                request.requester().id())));
        Optional<InventoryApp> app = inventory.find(request.org(), request.apiName());
        if (app.isEmpty() || app.get().status() == AppStatus.DELETED) {
            requester.warn("Request " + request.id() + " was approved by "
                    + ApprovalFlow.approvers(request, approver) + ", but "
                    + request.apiName() + " is no longer in " + request.org() + "'s inventory; nothing was changed.");
            return;
        }
        requester.say("Request " + request.id() + " was approved by "
                + ApprovalFlow.approvers(request, approver) + ".");
        if (request.draft().purpose() == ApprovalPurpose.ROTATE) {
            // The revoke-old confirmation travels in the request; the reason goes to the rotation's audit entry.
            boolean revokeSlotFirst = request.draft().settings().containsKey(REVOKE_OLD_SETTING);
            changes.rotate(app.get(), request.requester(), revokeSlotFirst, request.draft().reason(), requester);
        } else {
            changes.delete(app.get(), request.requester(), requester);
        }
    }
}
