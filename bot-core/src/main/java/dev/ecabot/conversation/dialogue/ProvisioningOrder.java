package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.eca.EcaSpec;

import java.util.Objects;

/**
 * A confirmed request to create one app: a stable request id (the same after a restart, so a retried order
 * finds the app instead of making a second one), the playbook and its vendor, the org, the exact settings, whether the secret
 * is to be delivered, who asked, and who approved ({@code platform:id}, comma-separated; null when no approval was needed).
 */
public record ProvisioningOrder(String requestId, String playbookId, String vendor, String org, EcaSpec spec,
                                boolean deliverSecret, ChatUser requester, String approvedBy) {

    public ProvisioningOrder {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(requester, "requester");
    }

    /** The same order, approved by {@code approvers}. */
    public ProvisioningOrder approvedBy(String approvers) {
        return new ProvisioningOrder(requestId, playbookId, vendor, org, spec, deliverSecret, requester, approvers);
    }
}
