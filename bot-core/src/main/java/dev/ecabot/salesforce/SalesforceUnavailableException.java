package dev.ecabot.salesforce;

/** Salesforce could not be reached, or kept answering with server errors, after the bounded retries. */
public final class SalesforceUnavailableException extends SalesforceException {

    public SalesforceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
