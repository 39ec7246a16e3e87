package dev.ecabot.provisioning;

/**
 * A provisioning run could not finish. The message is for the requester: what failed and what to do.
 * {@link #invalidInput()} is true when the request itself was wrong and nothing was changed in Salesforce;
 * {@link #resumable()} when the run got far enough to change the org (a deploy was sent): then only a rerun of the
 * same request (same run id) may continue it, since a new request would find the app and refuse its name.
 */
public class ProvisioningException extends RuntimeException {

    private final boolean invalidInput;
    private final boolean resumable;

    public ProvisioningException(String message, boolean invalidInput, Throwable cause) {
        this(message, invalidInput, false, cause);
    }

    public ProvisioningException(String message, boolean invalidInput, boolean resumable, Throwable cause) {
        super(message, cause);
        this.invalidInput = invalidInput;
        this.resumable = resumable;
    }

    public boolean invalidInput() {
        return invalidInput;
    }

    public boolean resumable() {
        return resumable;
    }
}
