package dev.ecabot.emulator.auth;

/**
 * A refusal of the token endpoint, answered as HTTP 400 {"error", "error_description"} with Salesforce's codes
 * and descriptions (invalid_grant, invalid_client_id, invalid_client, unsupported_grant_type...).
 */
public final class OAuthError extends Exception {

    private final String error;

    public OAuthError(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
