package dev.ecabot.provisioning;

import dev.ecabot.eca.EcaSpec;

import java.util.Objects;

/**
 * One approved request to create (or update) an app, from chat or the command line alike: the idempotency key of
 * the run (a retry passes the same {@code runId}; in chat, the conversation's request id),
 * the org, the rendered settings, who asked and who approved (null when no approval was needed), the playbook
 * and vendor, whether the secret is delivered (or the key only), and whether an existing app with other settings
 * may be updated. Immutable.
 */
public record ProvisioningRequest(String runId, String org, EcaSpec spec, String playbookId, String vendor,
                                  String requester, String approver, boolean deliverSecret, boolean updateExisting) {

    public ProvisioningRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(requester, "requester");
        if (runId.isBlank() || runId.length() > 64) throw new IllegalArgumentException("runId must be 1 to 64 characters");
    }

    /**
     * Who asked, as a chat user ({@code platform:id}, parsed here once), or empty for a command-line run, which names
     * its requester freely (an OS user, say): the audit trail then names them in its detail only.
     */
    public java.util.Optional<dev.ecabot.access.ChatUserRef> requesterRef() {
        try {
            return java.util.Optional.of(dev.ecabot.access.ChatUserRef.parse(requester));
        } catch (IllegalArgumentException notAChatUser) {
            return java.util.Optional.empty();
        }
    }

    /** The same request for org {@code name} (e.g. the org's canonical spelling). */
    public ProvisioningRequest forOrg(String name) {
        return new ProvisioningRequest(runId, name, spec, playbookId, vendor, requester, approver, deliverSecret, updateExisting);
    }

    /** The same request, approved by {@code approvers} ({@code platform:id}, comma-separated). */
    public ProvisioningRequest approvedBy(String approvers) {
        return new ProvisioningRequest(runId, org, spec, playbookId, vendor, requester, approvers, deliverSecret, updateExisting);
    }

    /** The same request, allowed to overwrite an existing app's different settings. */
    public ProvisioningRequest allowingUpdate() {
        return new ProvisioningRequest(runId, org, spec, playbookId, vendor, requester, approver, deliverSecret, true);
    }
}
