package dev.ecabot.provisioning;

import dev.ecabot.access.Requester;

import java.util.Optional;

/**
 * Creates or updates the app of a {@link ProvisioningRequest}: what the chat layer needs from the
 * {@link ProvisioningSaga}, which is the implementation (engine tests give a stand-in). Idempotent by run id (a
 * repeated request resumes its run and never makes a second app) and thread-safe; runs on a background thread.
 */
@FunctionalInterface
public interface AppProvisioner {

    /**
     * Creates (or resumes creating) the request's app, reporting progress to {@code listener}; the credentials go to
     * {@code delivery} and the app's reminders to {@code reminders}, each a recorded step, once per request.
     *
     * @throws ProvisioningException with a message the requester can act on (no stack trace, no secret)
     */
    ProvisioningResult provision(ProvisioningRequest request, CredentialsDelivery delivery, AppReminders reminders,
                                 ProvisioningListener listener);

    /**
     * Redeploys the existing app of {@code request} with its settings (chat {@code update}), keeping every field the
     * bot does not manage as it is in the org, and records the change in the inventory; hands over no credentials
     * (the consumer key stays) and schedules no reminders. Idempotent by run id, as {@link #provision}.
     *
     * @throws ProvisioningException with a message the requester can act on
     */
    default ProvisioningResult update(ProvisioningRequest request, ProvisioningListener listener) {
        throw new ProvisioningException("This bot cannot update apps in org '" + request.org() + "'.", false, null);
    }

    /**
     * Holds the API name for request {@code runId} if nobody else has it (another request in flight, an app in the
     * inventory or in the org); otherwise says who has it and what to do, for the requester.
     */
    default Optional<String> reserveName(String runId, String org, String apiName, Requester requester) {
        return Optional.empty();
    }
}
