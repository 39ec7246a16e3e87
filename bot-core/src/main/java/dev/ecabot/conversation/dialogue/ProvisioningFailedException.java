package dev.ecabot.conversation.dialogue;

/**
 * Provisioning failed; the message says what went wrong and what to do, in words for the requester.
 * {@link #resumable()} is true when the request got far enough to change the org (the app may exist): then the
 * same request must be retried, never a new one.
 */
public final class ProvisioningFailedException extends RuntimeException {

    private final boolean resumable;

    public ProvisioningFailedException(String message, Throwable cause, boolean resumable) {
        super(message, cause);
        this.resumable = resumable;
    }

    public ProvisioningFailedException(String message) {
        this(message, null, false);
    }

    public boolean resumable() {
        return resumable;
    }
}
