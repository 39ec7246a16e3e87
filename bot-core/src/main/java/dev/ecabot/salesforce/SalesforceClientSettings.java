package dev.ecabot.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the Salesforce client: retries for network errors and 5xx, deploy polling, connect timeout and the
 * clock. {@link #defaults()}: {@link RetryPolicy#DEFAULT}, {@link DeployPolling#DEFAULT}, 10 s, the system clock.
 * Immutable; the {@code with...} methods return changed copies.
 */
public record SalesforceClientSettings(RetryPolicy retry, DeployPolling polling, Duration connectTimeout, Clock clock) {

    public SalesforceClientSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    public static SalesforceClientSettings defaults() {
        return new SalesforceClientSettings(RetryPolicy.DEFAULT, DeployPolling.DEFAULT, Duration.ofSeconds(10), Clock.systemUTC());
    }

    public SalesforceClientSettings withRetry(RetryPolicy retry) {
        return new SalesforceClientSettings(retry, polling, connectTimeout, clock);
    }

    public SalesforceClientSettings withPolling(DeployPolling polling) {
        return new SalesforceClientSettings(retry, polling, connectTimeout, clock);
    }
}
