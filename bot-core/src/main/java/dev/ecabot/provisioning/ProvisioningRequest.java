package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.eca.EcaSpec;

import java.util.List;
import java.util.Objects;

/**
 * One approved request to create (or update) an app, from chat or the command line alike: the idempotency key of
 * the run (a retry passes the same {@code runId}; in chat, the conversation's request id),
 * the org, the rendered settings, who asked (a chat user, or an operator at the command line) and who approved
 * (nobody when no approval was needed), the playbook and vendor, whether the secret is delivered (or the key only),
 * and whether an existing app with other settings may be updated. Immutable.
 */
public record ProvisioningRequest(String runId, String org, EcaSpec spec, String playbookId, String vendor,
                                  Requester requester, List<ChatUserRef> approvers, boolean deliverSecret,
                                  boolean updateExisting) {

    public ProvisioningRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(requester, "requester");
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        if (runId.isBlank() || runId.length() > 64) throw new IllegalArgumentException("runId must be 1 to 64 characters");
    }

    /** The same request for org {@code name} (e.g. the org's canonical spelling). */
    public ProvisioningRequest forOrg(String name) {
        return new ProvisioningRequest(runId, name, spec, playbookId, vendor, requester, approvers, deliverSecret, updateExisting);
    }

    /** The same request, approved by {@code people}. */
    public ProvisioningRequest approvedBy(List<ChatUserRef> people) {
        return new ProvisioningRequest(runId, org, spec, playbookId, vendor, requester, people, deliverSecret, updateExisting);
    }

    /** The same request, allowed to overwrite an existing app's different settings. */
    public ProvisioningRequest allowingUpdate() {
        return new ProvisioningRequest(runId, org, spec, playbookId, vendor, requester, approvers, deliverSecret, true);
    }
}
