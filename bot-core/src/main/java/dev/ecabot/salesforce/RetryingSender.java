package dev.ecabot.salesforce;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import io.micrometer.core.instrument.Metrics;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends HTTP requests, retrying network errors and 5xx answers with backoff per the {@link RetryPolicy} (run by a
 * Failsafe retry policy); after the last retry it fails with a {@link SalesforceUnavailableException} saying what
 * was tried. A POST is retried too: the bot's POSTs (deploys of the same package, token requests) are safe to
 * repeat, since deploying identical metadata twice updates the same app. Thread-safe.
 */
final class RetryingSender {

    private final HttpClient http;
    private final RetryPolicy policy;
    private String org = "unknown";

    RetryingSender(HttpClient http, RetryPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    /** Names the org in the metrics (ecabot_salesforce_calls_total by org and outcome). */
    RetryingSender forOrg(String orgName) {
        this.org = orgName;
        return this;
    }

    private void count(String outcome) {
        Metrics.counter("ecabot.salesforce.calls", "org", org, "outcome", outcome).increment();
    }

    /** Sends the request built by {@code request} (built afresh per attempt), describing it as {@code what}. */
    HttpResponse<byte[]> send(Supplier<HttpRequest> request, String what) {
        return send(request, what, r -> r.statusCode() >= 500);
    }

    /** As {@link #send(Supplier, String)}, retrying the answers {@code retryable} accepts (e.g. 5xx that are no SOAP fault). */
    HttpResponse<byte[]> send(Supplier<HttpRequest> request, String what, Predicate<HttpResponse<byte[]>> retryable) {
        dev.failsafe.RetryPolicy<HttpResponse<byte[]>> retries = dev.failsafe.RetryPolicy.<HttpResponse<byte[]>>builder()
                .handle(IOException.class)
                .handleResultIf(retryable::test)
                .withMaxRetries(policy.maxRetries())
                .withDelayFn(attempt -> policy.delayBefore(attempt.getAttemptCount()))
                .build();
        HttpResponse<byte[]> last;
        try {
            last = Failsafe.with(retries).get(() -> attempt(request));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new SalesforceUnavailableException("Interrupted while " + what + ".", e.getCause());
            }
            if (e.getCause() instanceof IOException lastError) throw gaveUp(what, "the connection failed ("
                    + lastError.getClass().getSimpleName() + (lastError.getMessage() == null ? "" : ": " + lastError.getMessage()) + ")", lastError);
            throw e;
        }
        if (!retryable.test(last)) return last;
        throw gaveUp(what, "Salesforce answered with server error " + last.statusCode(), null);
    }

    private HttpResponse<byte[]> attempt(Supplier<HttpRequest> request) throws IOException, InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
            count(response.statusCode() >= 400 ? "error" : "ok");
            return response;
        } catch (IOException e) {
            count("error");
            throw e;
        }
    }

    private SalesforceUnavailableException gaveUp(String what, String cause, IOException lastError) {
        return new SalesforceUnavailableException("Salesforce is not answering: " + what + " failed " + (policy.maxRetries() + 1)
                + " times; " + cause + ". Check the org's status at status.salesforce.com or the network, then try again.", lastError);
    }
}
