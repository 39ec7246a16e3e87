package dev.ecabot.salesforce;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/**
 * Sends HTTP requests, retrying network errors and 5xx answers with backoff per the {@link RetryPolicy};
 * after the last retry it fails with a {@link SalesforceUnavailableException} saying what was tried.
 * A POST is retried too: the bot's POSTs (deploys of the same package, token requests) are safe to repeat, since
 * deploying identical metadata twice updates the same app. Thread-safe.
 */
final class RetryingSender {

    /** Waits between retries; replaced in tests that count waits instead of sleeping. */
    interface Sleeper {
        void sleep(java.time.Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    RetryingSender(HttpClient http, RetryPolicy policy, Sleeper sleeper) {
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    RetryingSender(HttpClient http, RetryPolicy policy) {
        this(http, policy, d -> Thread.sleep(d.toMillis()));
    }

    private String org = "unknown";

    /** Names the org in the metrics (ecabot_salesforce_calls_total by org and outcome). */
    RetryingSender forOrg(String orgName) {
        this.org = orgName;
        return this;
    }

    private void count(String outcome) {
        io.micrometer.core.instrument.Metrics.counter("ecabot.salesforce.calls", "org", org, "outcome", outcome).increment();
    }

    /** Sends the request built by {@code request} (built afresh per attempt), describing it as {@code what}. */
    HttpResponse<byte[]> send(Supplier<HttpRequest> request, String what) {
        return send(request, what, r -> r.statusCode() >= 500);
    }

    /** As {@link #send(Supplier, String)}, retrying the answers {@code retryable} accepts (e.g. 5xx that are no SOAP fault). */
    HttpResponse<byte[]> send(Supplier<HttpRequest> request, String what, java.util.function.Predicate<HttpResponse<byte[]>> retryable) {
        Exception lastError = null;
        int lastStatus = 0;
        for (int attempt = 0; attempt <= policy.maxRetries(); attempt++) {
            if (attempt > 0) pause(attempt, what);
            try {
                HttpResponse<byte[]> response = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
                count(response.statusCode() >= 400 ? "error" : "ok");
                if (!retryable.test(response)) return response;
                lastStatus = response.statusCode();
                lastError = null;
            } catch (IOException e) {
                count("error");
                lastError = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceUnavailableException("Interrupted while " + what + ".", e);
            }
        }
        int tries = policy.maxRetries() + 1;
        String cause = lastError != null
                ? "the connection failed (" + lastError.getClass().getSimpleName() + (lastError.getMessage() == null ? "" : ": " + lastError.getMessage()) + ")"
                : "Salesforce answered with server error " + lastStatus;
        throw new SalesforceUnavailableException("Salesforce is not answering: " + what + " failed " + tries + " times; "
                + cause + ". Check the org's status at status.salesforce.com or the network, then try again.", lastError);
    }

    private void pause(int retry, String what) {
        try {
            sleeper.sleep(policy.delayBefore(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceUnavailableException("Interrupted while " + what + ".", e);
        }
    }
}
