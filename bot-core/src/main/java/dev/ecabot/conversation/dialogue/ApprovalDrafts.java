package dev.ecabot.conversation.dialogue;

import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PosturePolicy;

import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.conversation.approvals.ApprovalCards;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Rendering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approval request of a confirmed {@code new} conversation: exactly the facts the requester confirmed (org,
 * playbook, delivery, every setting of the rendered app), so approvers see what the requester saw, and the
 * fingerprint changes when any of it does.
 */
final class ApprovalDrafts {

    private ApprovalDrafts() {
    }

    /** Adds {@code value} under {@code key}, or "key (2)", "key (3)" when the key is taken. */
    private static void put(Map<String, String> settings, String key, String value) {
        String unique = key;
        for (int n = 2; settings.containsKey(unique); n++) unique = key + " (" + n + ")";
        settings.put(unique, value);
    }

    static ApprovalDraft of(ConversationState state, Playbook playbook, Rendering rendering, String reason) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Fact f : AppSummaries.toConfirm(playbook, state.org(), rendering).summary().facts()) {
            put(settings, f.section().isEmpty() ? f.label() : f.section() + ApprovalCards.SECTION_SEPARATOR + f.label(),
                    f.value());
        }
        for (String warning : rendering.warnings()) put(settings, "Warning", warning);
        PosturePolicy posture = PosturePolicy.current();
        List<PostureFinding> findings = posture.findings(rendering.spec(), state.user().ref().toString());
        List<PostureFinding> blocking = posture.blocking(state.org(), findings);
        for (PostureFinding f : findings) {
            put(settings, blocking.contains(f) ? "Posture (approving accepts it)" : "Posture", f.line());
        }
        return new ApprovalDraft(ApprovalPurpose.CREATE, state.org(), playbook.id(), rendering.spec().apiName(),
                state.user().ref(), reason, settings);
    }
}
