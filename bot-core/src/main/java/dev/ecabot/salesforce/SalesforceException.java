package dev.ecabot.salesforce;

/**
 * Something went wrong talking to Salesforce. {@link #getMessage()} is written for the person in the chat: what
 * happened and what to do about it, with no stack trace, token or secret. Subclasses say which kind of problem.
 */
public class SalesforceException extends RuntimeException {

    public SalesforceException(String message) {
        super(message);
    }

    public SalesforceException(String message, Throwable cause) {
        super(message, cause);
    }
}
