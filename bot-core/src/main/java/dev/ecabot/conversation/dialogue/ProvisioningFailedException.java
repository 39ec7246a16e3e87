package dev.ecabot.conversation.dialogue;

/** Provisioning failed; the message says what went wrong and what to do, in words for the requester. */
public final class ProvisioningFailedException extends RuntimeException {

    public ProvisioningFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProvisioningFailedException(String message) {
        super(message);
    }
}
