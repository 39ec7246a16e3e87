package dev.ecabot.teams;

import com.microsoft.bot.restclient.RestException;
import dev.ecabot.conversation.ChatDeliveryException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed call to the Bot Framework connector means for the outbox: HTTP 429 (with its Retry-After) and 5xx
 * and transport failures may work later; any other refusal (400 too big or invalid, 403 not in the conversation,
 * 404) will not. Only the status code and the connector's error code are kept, never the activity.
 */
final class TeamsFailures {

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private TeamsFailures() {
    }

    static ChatDeliveryException classify(String what, Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        if (f instanceof ChatDeliveryException d) return d;
        if (f instanceof RestException rest && rest.response() != null) {
            int status = rest.response().code();
            Duration retryAfter = status == 429 ? retryAfter(rest.response().headers().get("Retry-After")) : null;
            // Teams asks for 412 (a concurrent operation on the conversation), 429 and 5xx to be retried with back-off.
            boolean retryable = status == 429 || status == 408 || status == 412 || status >= 500;
            return new ChatDeliveryException("Teams " + what + " failed: http_" + status, retryable, retryAfter, null);
        }
        if (f instanceof IOException || f instanceof java.io.UncheckedIOException
                || f.getCause() instanceof IOException) {
            return new ChatDeliveryException("Teams " + what + " failed: io_error", true, null, null);
        }
        String type = f.getClass().getSimpleName();
        return new ChatDeliveryException("Teams " + what + " failed: " + type, !(f instanceof IllegalStateException), null, null);
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            Duration wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
