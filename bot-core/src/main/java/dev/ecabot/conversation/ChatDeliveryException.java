package dev.ecabot.conversation;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link ChatPort} could not deliver a message: whether trying again may help (HTTP 429, 5xx, a timeout) or not
 * (the platform refused the payload: too big, invalid, a channel that does not exist), and how long the platform
 * asked to wait (Retry-After). Carries the platform's error code only, never the message's content or a token.
 */
public class ChatDeliveryException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    public ChatDeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** True when the same send may succeed later (rate limit, server error, transport failure). */
    public boolean retryable() {
        return retryable;
    }

    /** The wait the platform asked for before the next try (its Retry-After header), when it said one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
