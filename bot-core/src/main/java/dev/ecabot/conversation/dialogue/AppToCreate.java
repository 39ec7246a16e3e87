package dev.ecabot.conversation.dialogue;

import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.provisioning.ProvisioningRequest;

import java.util.List;
import java.util.Objects;

/**
 * What the answers of a {@code new} conversation make: its playbook's rendering of them. Rendered once per answer
 * set when the conversation reaches the confirmation (or is read back at it), then carried to what follows (the
 * summary, "render", the dry run, the approval request, provisioning), so each step shows and creates the same app.
 */
record AppToCreate(ConversationState state, Playbook playbook, Rendering rendering) {

    AppToCreate {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(rendering, "rendering");
    }

    /** The same app, carried on to the conversation as saved or moved on (the answers, so the rendering, unchanged). */
    AppToCreate in(ConversationState later) {
        return new AppToCreate(later, playbook, rendering);
    }

    /** The request to provisioning: the same request id on every attempt, so a retry finds what a first one did. */
    ProvisioningRequest order() {
        return new ProvisioningRequest(state.requestId(), state.org(), rendering.spec(), playbook.id(), playbook.vendor(),
                state.user().ref(), List.of(), rendering.delivery().includesSecret(), false);
    }

    /** The approval request approvers read: exactly what the requester confirmed, with {@code reason}. */
    ApprovalDraft draft(String reason) {
        return ApprovalDrafts.of(state, playbook, rendering, reason);
    }
}
