package dev.ecabot.salesforce;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently calls are retried after a network error or a 5xx answer: exponential backoff from
 * {@code firstDelay}, capped at {@code maxDelay}, each wait randomised to 50-100% (jitter) so many bots do not
 * retry in step. Default: 3 retries from 500 ms, at most 8 s apart. Immutable.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
        }
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration delayBefore(int retry) {
        long base = Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }
}
