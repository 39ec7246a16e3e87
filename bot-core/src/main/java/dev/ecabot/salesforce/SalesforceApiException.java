package dev.ecabot.salesforce;

/**
 * Salesforce refused a request (a 4xx answer) with an error code and message, e.g. {@code NOT_FOUND} or
 * {@code INSUFFICIENT_ACCESS}. The message repeats Salesforce's own words.
 */
public class SalesforceApiException extends SalesforceException {

    private final int status;
    private final String errorCode;

    public SalesforceApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    /** Salesforce's errorCode (e.g. NOT_FOUND), or "" when the answer had none. */
    public String errorCode() {
        return errorCode;
    }
}
