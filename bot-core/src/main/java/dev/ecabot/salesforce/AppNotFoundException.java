package dev.ecabot.salesforce;

/** The org has no External Client App with that API name. */
public final class AppNotFoundException extends SalesforceException {

    public AppNotFoundException(String org, String apiName) {
        super("Org '" + org + "' has no External Client App named " + apiName + ".");
    }
}
