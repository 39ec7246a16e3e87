package dev.ecabot.vault;

/**
 * A sealed secret could not be opened: it was altered, it belongs to another offer, or it was sealed
 * under a different master key. Carries no secret material.
 */
public final class SealBrokenException extends RuntimeException {
    public SealBrokenException(String message) {
        super(message);
    }
}
