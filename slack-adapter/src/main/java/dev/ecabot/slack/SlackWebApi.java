package dev.ecabot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Every Slack Web API call the adapter makes goes through here: a rate-limited call (HTTP 429) waits the
 * Retry-After Slack asked for and tries again (up to {@value #MAX_ATTEMPTS} attempts, waits capped at 30 s);
 * an {@code ok:false} answer or a failed transport becomes a logged {@link SlackCallFailed}. Thread-safe.
 */
public final class SlackWebApi {

    /** One Web API call, e.g. {@code c -> c.chatPostMessage(r -> r.channel(id).text(text))}. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    /** How a wait is done; tests may replace it. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    static final int MAX_ATTEMPTS = 3;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);

    private final MethodsClient client;
    private final Sleeper sleeper;
    private final int maxAttempts;

    public SlackWebApi(MethodsClient client) {
        this(client, d -> Thread.sleep(d.toMillis()));
    }

    SlackWebApi(MethodsClient client, Sleeper sleeper) {
        this(client, sleeper, MAX_ATTEMPTS);
    }

    private SlackWebApi(MethodsClient client, Sleeper sleeper, int maxAttempts) {
        this.client = client;
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
    }

    /**
     * The same client without waiting: a 429 fails at once with Slack's Retry-After in the {@link SlackCallFailed},
     * for the outbox, which waits without holding a thread and lets other conversations go first.
     */
    SlackWebApi once() {
        return new SlackWebApi(client, sleeper, 1);
    }

    /** Runs {@code call}, named {@code method} in logs and errors; returns the successful response. */
    public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.on(client);
                if (response.isOk()) return response;
                throw failed(method, response.getError(), null);
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429 && attempt < maxAttempts) {
                    Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                    log.warn("Slack rate-limited {}; retrying in {} s (attempt {} of {})",
                            method, wait.toSeconds(), attempt + 1, maxAttempts);
                    pause(method, wait);
                    continue;
                }
                String error = e.getError() != null && e.getError().getError() != null
                        ? e.getError().getError() : (status == 429 ? "ratelimited" : "http_" + status);
                throw failed(method, error, status == 429 ? retryAfter(e.getResponse().header("Retry-After")) : null, e);
            } catch (IOException e) {
                throw failed(method, "io_error", e);
            }
        }
    }

    private void pause(String method, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(method, "ratelimited", e);
        }
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
