package dev.ecabot.slack;

import dev.ecabot.vault.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot reaches one Slack workspace, read from the environment: {@code SLACK_BOT_TOKEN} (xoxb-) and
 * {@code SLACK_SIGNING_SECRET} switch Slack on; {@code SLACK_APP_TOKEN} (xapp-) adds Socket Mode;
 * {@code SLACK_API_URL} (default {@value #DEFAULT_API_URL}) points the Web API client elsewhere (tests).
 * Immutable; validated when built. Defaults: future-timestamp skew 60 s, 8 worker threads.
 */
public final class SlackSettings {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofSeconds(60);
    public static final int DEFAULT_WORKER_THREADS = 8;

    private final Secret botToken;
    private final Secret signingSecret;
    private final Secret appToken;
    private final String apiUrl;
    private final Duration futureSkew;
    private final int workerThreads;

    private SlackSettings(Builder b) {
        this.botToken = b.botToken;
        this.signingSecret = b.signingSecret;
        this.appToken = b.appToken;
        this.apiUrl = b.apiUrl;
        this.futureSkew = b.futureSkew;
        this.workerThreads = b.workerThreads;
    }

    /**
     * Slack settings from environment variables, or empty when Slack is not configured at all.
     * Half a configuration (a token without its signing secret, a malformed token) is refused with the fix.
     */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        String bot = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String signing = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        String app = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (bot == null && signing == null && app == null) return Optional.empty();
        if (bot == null) {
            throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) "
                    + "from your Slack app's 'OAuth & Permissions' page, or unset the other SLACK_ variables to run without Slack");
        }
        if (signing == null && app == null) {
            throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_SIGNING_SECRET is not set: copy the Signing Secret from your Slack "
                    + "app's 'Basic Information' page (or set SLACK_APP_TOKEN to use Socket Mode instead of HTTP)");
        }
        Builder b = builder().botToken(Secret.of(bot));
        if (signing != null) b.signingSecret(Secret.of(signing));
        if (app != null) b.appToken(Secret.of(app));
        String url = blankToNull(env.get("SLACK_API_URL"));
        if (url != null) b.apiUrl(url);
        return Optional.of(b.build());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Secret botToken() { return botToken; }

    /** The signing secret; null in a Socket Mode-only setup, where requests arrive over the app's own socket. */
    public Secret signingSecret() { return signingSecret; }

    /** The app-level token for Socket Mode, or empty for HTTP only. */
    public Optional<Secret> appToken() { return Optional.ofNullable(appToken); }

    /** Base URL of the Web API, ending in '/'. */
    public String apiUrl() { return apiUrl; }

    /** How far in the future a request timestamp may be (clock skew) before the request is refused. */
    public Duration futureSkew() { return futureSkew; }

    public int workerThreads() { return workerThreads; }

    public boolean socketMode() { return appToken != null; }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Builds {@link SlackSettings}; each setter checks its value and says what is expected. */
    public static final class Builder {
        private Secret botToken;
        private Secret signingSecret;
        private Secret appToken;
        private String apiUrl = DEFAULT_API_URL;
        private Duration futureSkew = DEFAULT_FUTURE_SKEW;
        private int workerThreads = DEFAULT_WORKER_THREADS;

        public Builder botToken(Secret token) {
            Objects.requireNonNull(token, "botToken");
            if (!token.reveal().startsWith("xoxb-")) {
                throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-' "
                        + "(the Bot User OAuth Token on the app's 'OAuth & Permissions' page)");
            }
            this.botToken = token;
            return this;
        }

        public Builder signingSecret(Secret secret) {
            Objects.requireNonNull(secret, "signingSecret");
            if (secret.isEmpty()) throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_SIGNING_SECRET must not be empty");
            this.signingSecret = secret;
            return this;
        }

        public Builder appToken(Secret token) {
            Objects.requireNonNull(token, "appToken");
            if (!token.reveal().startsWith("xapp-")) {
                throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_APP_TOKEN must be an app-level token starting with 'xapp-' "
                        + "with the connections:write scope ('Basic Information' > 'App-Level Tokens')");
            }
            this.appToken = token;
            return this;
        }

        public Builder apiUrl(String url) {
            Objects.requireNonNull(url, "apiUrl");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_API_URL must be an http(s) URL such as " + DEFAULT_API_URL
                        + "; got '" + url + "'");
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new dev.ecabot.settings.error.InvalidSettingException("SLACK_API_URL must be an http(s) URL such as " + DEFAULT_API_URL
                        + "; got '" + url + "'");
            }
            this.apiUrl = url.endsWith("/") ? url : url + "/";
            return this;
        }

        public Builder futureSkew(Duration skew) {
            if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new dev.ecabot.settings.error.InvalidSettingException("the future-timestamp skew must be between 0 and 5 minutes; got " + skew);
            }
            this.futureSkew = skew;
            return this;
        }

        public Builder workerThreads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new dev.ecabot.settings.error.InvalidSettingException("worker threads must be between 1 and 256; got " + threads);
            }
            this.workerThreads = threads;
            return this;
        }

        public SlackSettings build() {
            if (botToken == null) throw new IllegalStateException("a bot token (xoxb-...) is required");
            if (signingSecret == null && appToken == null) {
                throw new IllegalStateException("a signing secret (HTTP) or an app token (Socket Mode) is required");
            }
            return new SlackSettings(this);
        }
    }
}
