package dev.ecabot.salesforce;

/** deployResult.status of the Metadata API. */
public enum DeployStatus {
    PENDING("Pending"), IN_PROGRESS("InProgress"), SUCCEEDED("Succeeded"), SUCCEEDED_PARTIAL("SucceededPartial"),
    FAILED("Failed"), CANCELING("Canceling"), CANCELED("Canceled");

    private final String token;

    DeployStatus(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public boolean isDone() {
        return this == SUCCEEDED || this == SUCCEEDED_PARTIAL || this == FAILED || this == CANCELED;
    }

    public static DeployStatus fromToken(String token) {
        for (DeployStatus s : values()) if (s.token.equals(token)) return s;
        throw new SalesforceException("Salesforce answered an unknown deploy status '" + token + "'.");
    }
}
