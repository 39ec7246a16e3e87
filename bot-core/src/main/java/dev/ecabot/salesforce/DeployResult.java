package dev.ecabot.salesforce;

import java.util.List;

/** Where a deploy stands: its status, progress counters, the rejected components and Salesforce's error text. */
public record DeployResult(String id, DeployStatus status, boolean checkOnly, int componentsDeployed, int componentsTotal,
                           int componentErrors, List<ComponentFailure> failures, String errorMessage, String stateDetail) {

    public DeployResult {
        failures = List.copyOf(failures);
    }

    public boolean done() {
        return status.isDone();
    }

    public boolean succeeded() {
        return status == DeployStatus.SUCCEEDED;
    }
}
