package dev.ecabot.provisioning;

/** The last step a provisioning run completed, in order; a rerun continues after it. */
public enum ProvisioningStep {
    /** Recorded, nothing done in Salesforce yet. */
    STARTED,
    /**
     * A deploy is being sent and its id is not recorded yet: if a rerun finds the app with the requested settings,
     * it is this run's own (the name was reserved for the run and free in the org just before).
     */
    DEPLOY_REQUESTED,
    /** A deploy was started; its id is recorded, so a rerun waits for it instead of deploying again. */
    DEPLOYING,
    /** The app exists in the org with the requested settings (deployed now, or found). */
    DEPLOYED,
    /**
     * The credentials were handed to the delivery (in chat: the secret sealed in the vault as the requester's one-time
     * reveal offer); never read or delivered twice.
     */
    CREDENTIALS_DELIVERED,
    /** The app is in the inventory (a run recorded before reminders were a step ended here, SUCCEEDED). */
    RECORDED,
    /** The app's reminders are scheduled ({@link AppReminders}): the run is complete. */
    REMINDERS_SCHEDULED
}
