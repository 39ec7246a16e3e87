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
        return sb.append(failures.stream().map(f -> "- " + f.describe()).collect(Collectors.joining("\n"))).toString();
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
