package dev.ecabot.provisioning;

/** A progress update of a provisioning run, with a sentence for the requester. */
public record ProvisioningEvent(String runId, Stage stage, String message) {

    /** What the run is doing now. */
    public enum Stage {
        CHECKING_EXISTING, REUSING_EXISTING, DEPLOYING, DEPLOY_SENT, DEPLOY_PROGRESS, DEPLOYED, READING_CREDENTIALS,
        DELIVERING_CREDENTIALS, CREDENTIALS_DELIVERED, RECORDING, DONE, FAILED
    }
}
