package dev.ecabot.provisioning;

import java.time.Instant;

/** The stored state of one provisioning run (a row of {@code provisioning_run}). Immutable. */
public record ProvisioningRun(String runId, String org, String apiName, String playbookId, String vendor, String requester,
                              String approver, boolean deliverSecret, boolean updateExisting, String specJson,
                              ProvisioningStep step, RunStatus status, String deployId, String appId, String consumerKey,
                              boolean reusedExisting, String failure, Instant createdAt, Instant updatedAt) {
}
