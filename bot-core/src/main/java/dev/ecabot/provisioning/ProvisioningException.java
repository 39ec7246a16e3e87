package dev.ecabot.provisioning;

/**
 * A provisioning run could not finish. The message is for the requester: what failed and what to do.
 * {@link #invalidInput()} is true when the request itself was wrong and nothing was changed in Salesforce.
 */
public class ProvisioningException extends RuntimeException {

    private final boolean invalidInput;

    public ProvisioningException(String message, boolean invalidInput, Throwable cause) {
        super(message, cause);
        this.invalidInput = invalidInput;
    }

    public boolean invalidInput() {
        return invalidInput;
    }
}
