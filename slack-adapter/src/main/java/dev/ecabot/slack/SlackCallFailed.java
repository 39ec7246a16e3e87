package dev.ecabot.slack;

import dev.ecabot.conversation.ChatDeliveryException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A Slack Web API call that failed for good: Slack's error code (e.g. {@code channel_not_found}), the method,
 * and a sentence a Slack user can act on ({@link #userMessage()}). Never carries a token or message content.
 */
public final class SlackCallFailed extends ChatDeliveryException {

    /** Slack's codes for "not now": the same call may work later. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "io_error", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    private static final Map<String, String> WORDS = Map.of(
            "channel_not_found", "I can't find that Slack channel: it may have been deleted, renamed or be private. "
                    + "Check the channel in the bot's configuration, or invite me to it.",
            "not_in_channel", "I'm not a member of that channel. Invite me with /invite @ECA bot, then try again.",
            "is_archived", "That channel is archived, so I can't post there. Unarchive it or configure another channel.",
            "invalid_auth", "Slack refused my token (invalid_auth). A Slack admin must reinstall the app and update "
                    + "SLACK_BOT_TOKEN.",
            "not_authed", "I have no Slack token (not_authed). A Slack admin must set SLACK_BOT_TOKEN.",
            "token_revoked", "My Slack token was revoked. A Slack admin must reinstall the app and update SLACK_BOT_TOKEN.",
            "account_inactive", "My Slack app was deactivated. A Slack admin must reinstall it and update SLACK_BOT_TOKEN.",
            "ratelimited", "Slack is rate-limiting me right now. Please try again in a minute.",
            "expired_trigger_id", "That button press is too old for Slack to open a form. Press the button again.",
            "missing_scope", "My Slack app lacks a permission it needs (missing_scope). A Slack admin must update the "
                    + "app from the manifest and reinstall it.");

    private final String method;
    private final String error;

    public SlackCallFailed(String method, String error, Throwable cause) {
        this(method, error, null, cause);
    }

    /** {@code retryAfter}: the wait Slack asked for (HTTP 429's Retry-After), null when it named none. */
    public SlackCallFailed(String method, String error, Duration retryAfter, Throwable cause) {
        super("Slack " + method + " failed: " + error, transientError(error), retryAfter, cause);
        this.method = method;
        this.error = error;
    }

    private static boolean transientError(String error) {
        return error != null && (TRANSIENT.contains(error) || error.startsWith("http_5"));
    }

    /** The Web API method, e.g. "chat.postMessage". */
    public String method() {
        return method;
    }

    /** Slack's error code, e.g. "not_in_channel", or "http_500" / "io_error" when there was no Slack answer. */
    public String error() {
        return error;
    }

    /** True when the failure means the token itself is no good, so nothing sent with it can arrive. */
    public boolean tokenRefused() {
        return error.equals("invalid_auth") || error.equals("not_authed") || error.equals("token_revoked")
                || error.equals("account_inactive");
    }

    /** What to tell the person who caused the call, in words. */
    public String userMessage() {
        return WORDS.getOrDefault(error, "Slack refused my request (" + method + ": " + error + "). Please try again; "
                + "if it keeps happening, tell the bot's administrators.");
    }
}
