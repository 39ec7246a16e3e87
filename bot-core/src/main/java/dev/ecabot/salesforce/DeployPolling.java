package dev.ecabot.salesforce;

import java.time.Duration;

/**
 * How a running deploy is polled: the first wait, growth factor and longest wait between polls, and how long
 * to keep waiting before giving up (the deploy keeps running in Salesforce and can be picked up again by id).
 * Default: 1 s, x1.5, at most 10 s apart, for 15 minutes. Immutable.
 */
public record DeployPolling(Duration firstDelay, double factor, Duration maxDelay, Duration giveUpAfter) {

    public static final DeployPolling DEFAULT = new DeployPolling(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(10), Duration.ofMinutes(15));

    public DeployPolling {
        if (factor < 1.0) throw new IllegalArgumentException("factor must be at least 1.0, was " + factor);
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
        }
    }

    /** The wait before poll number {@code retry} + 1 (1-based): {@code firstDelay} grown by {@code factor} per poll, capped. */
    Duration delayBefore(int retry) {
        double grown = firstDelay.toMillis() * Math.pow(factor, Math.max(0, retry - 1));
        return Duration.ofMillis((long) Math.min(grown, maxDelay.toMillis()));
    }
}
