package dev.ecabot.salesforce;

import java.util.List;
import java.util.stream.Collectors;

/** A deploy ended Failed or Canceled; lists each rejected component with Salesforce's reason. */
public final class DeployFailedException extends SalesforceException {

    private final String deployId;
    private final DeployStatus status;
    private final List<ComponentFailure> failures;

    public DeployFailedException(String org, String deployId, DeployStatus status, List<ComponentFailure> failures, String errorMessage) {
        super(message(org, deployId, status, failures, errorMessage));
        this.deployId = deployId;
        this.status = status;
        this.failures = List.copyOf(failures);
    }

    private static String message(String org, String deployId, DeployStatus status, List<ComponentFailure> failures, String errorMessage) {
        if (status == DeployStatus.CANCELED) return "The deployment " + deployId + " to org '" + org + "' was canceled; nothing was changed.";
        StringBuilder sb = new StringBuilder("Salesforce rejected the deployment to org '" + org + "'");
        if (failures.isEmpty()) {
            sb.append(errorMessage == null || errorMessage.isBlank() ? " without giving a reason" : ": " + errorMessage);
            return sb.append(" (deploy ").append(deployId).append(").").toString();
        }
        sb.append(" (deploy ").append(deployId).append("):\n");
        if (failures.stream().anyMatch(DeployFailedException::featureOff)) {
            sb.append("External Client Apps are turned off in org '").append(org).append("', so no app can be created")
                    .append(" there. In Setup > External Client App Settings, turn on \"Opt in to External Client Apps\",")
                    .append(" then try again. Salesforce said:\n");
        }
        return sb.append(failures.stream().map(f -> "- " + f.describe()).collect(Collectors.joining("\n"))).toString();
    }

    /** Salesforce's answer for a component of a type whose feature the org has off (here: External Client Apps). */
    private static boolean featureOff(ComponentFailure f) {
        return f.problem() != null && f.problem().startsWith("Not available for deploy for this organization")
                && f.componentType() != null && (f.componentType().equals("ExternalClientApplication")
                || f.componentType().startsWith("ExtlClntApp"));
    }

    public String deployId() {
        return deployId;
    }

    public DeployStatus status() {
        return status;
    }

    public List<ComponentFailure> failures() {
        return failures;
    }
}
