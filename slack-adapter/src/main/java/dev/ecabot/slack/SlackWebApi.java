package dev.ecabot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Every Slack Web API call the adapter makes goes through here: a rate-limited call (HTTP 429) waits the
 * Retry-After Slack asked for and tries again (up to {@value #MAX_ATTEMPTS} attempts, waits capped at 30 s; a
 * Failsafe retry policy whose delay function reads the header);
 * an {@code ok:false} answer or a failed transport becomes a logged {@link SlackCallFailed}. Thread-safe.
 */
public final class SlackWebApi {

    /** One Web API call, e.g. {@code c -> c.chatPostMessage(r -> r.channel(id).text(text))}. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    static final int MAX_ATTEMPTS = 3;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);

    private final MethodsClient client;
    private final int maxAttempts;

    public SlackWebApi(MethodsClient client) {
        this(client, MAX_ATTEMPTS);
    }

    private SlackWebApi(MethodsClient client, int maxAttempts) {
        this.client = client;
        this.maxAttempts = maxAttempts;
    }

    /**
     * The same client without waiting: a 429 fails at once with Slack's Retry-After in the {@link SlackCallFailed},
     * for the outbox, which waits without holding a thread and lets other conversations go first.
     */
    SlackWebApi once() {
        return new SlackWebApi(client, 1);
    }

    /** Runs {@code call}, named {@code method} in logs and errors; returns the successful response. */
    public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        RetryPolicy<T> rateLimits = RetryPolicy.<T>builder()
                .handleIf(SlackWebApi::rateLimited)
                .withMaxAttempts(maxAttempts)
                .withDelayFn(attempt -> retryAfter(((SlackApiException) attempt.getLastException()).getResponse().header("Retry-After")))
                .onRetryScheduled(retry -> log.warn("Slack rate-limited {}; retrying in {} s (attempt {} of {})",
                        method, retry.getDelay().toSeconds(), retry.getAttemptCount() + 1, maxAttempts))
                .build();
        T response;
        try {
            response = Failsafe.with(rateLimits).get(() -> call.on(client));
        } catch (FailsafeException e) {
            throw failure(method, e.getCause());
        }
        if (response.isOk()) return response;
        throw failed(method, response.getError(), null);
    }

    private static boolean rateLimited(Throwable e) {
        return e instanceof SlackApiException api && api.getResponse().code() == 429;
    }

    /** What the caller learns when the call failed for good: the last attempt's fault as a {@link SlackCallFailed}. */
    private static SlackCallFailed failure(String method, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return failed(method, "ratelimited", cause);
        }
        if (cause instanceof SlackApiException e) {
            int status = e.getResponse().code();
            String error = e.getError() != null && e.getError().getError() != null
                    ? e.getError().getError() : (status == 429 ? "ratelimited" : "http_" + status);
            return failed(method, error, status == 429 ? retryAfter(e.getResponse().header("Retry-After")) : null, e);
        }
        return failed(method, "io_error", cause);
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "1" : header.trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static SlackCallFailed failed(String method, String error, Throwable cause) {
        return failed(method, error, null, cause);
    }

    private static SlackCallFailed failed(String method, String error, Duration retryAfter, Throwable cause) {
        SlackCallFailed failure = new SlackCallFailed(method, error == null ? "unknown_error" : error, retryAfter, cause);
        log.warn("{}", failure.getMessage());
        return failure;
    }
}
