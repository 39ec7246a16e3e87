package dev.ecabot.salesforce;

/** A deploy did not finish within the polling limit; it may still complete in Salesforce. */
public final class DeployStillRunningException extends SalesforceException {

    private final String deployId;

    public DeployStillRunningException(String org, String deployId, java.time.Duration waited) {
        super("The deployment " + deployId + " to org '" + org + "' is still running after "
                + (waited.toMinutes() > 0 ? waited.toMinutes() + " minutes" : waited.toSeconds() + " seconds")
                + ". It may finish on its own: try again later and the bot will pick it up where it stopped.");
        this.deployId = deployId;
    }

    public String deployId() {
        return deployId;
    }
}
