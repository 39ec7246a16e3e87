package dev.ecabot.app.slack;

import dev.ecabot.app.http.BotHttpServer;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.slack.SlackEndpoint;
import dev.ecabot.slack.SlackSettings;
import dev.ecabot.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Puts Slack into the running bot when the environment configures it: the Bolt endpoint mounted at
 * {@code /slack/events} on the bot's one HTTP server, and Socket Mode too when SLACK_APP_TOKEN is set.
 * Kept apart from the other platforms' wiring so each can be switched on alone.
 */
public final class SlackWiring implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackWiring.class);

    private final SlackEndpoint endpoint;

    private SlackWiring(SlackEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Slack from SLACK_* variables, or empty when none is set.
     * @throws dev.ecabot.settings.error.InvalidSettingException for a half or wrong configuration, or a token Slack refuses
     */
    public static Optional<SlackWiring> fromEnvironment(Map<String, String> env, Database database) {
        return SlackSettings.fromEnvironment(env)
                .map(settings -> new SlackWiring(new SlackEndpoint(settings, database.dataSource(), Clock.systemUTC())));
    }

    public SlackEndpoint endpoint() {
        return endpoint;
    }

    /** The engine's port to Slack users (register it under platform "slack"). */
    public ChatPort chatPort() {
        return endpoint.chatPort();
    }

    /**
     * Routes Slack activity to the engine, which answers each turn (a refused click is answered to the clicker only),
     * and mounts the HTTP endpoint when a signing secret is set.
     */
    public SlackWiring serveAnswering(dev.ecabot.conversation.ChatTurns engine, BotHttpServer server) {
        endpoint.listenAnswering(engine);
        if (endpoint.settings().signingSecret() != null) {
            // The signature is checked before Bolt parses anything: unsigned bodies are refused unread.
            server.filter(SlackEndpoint.PATH, new dev.ecabot.app.http.SlackSignatureFilter(endpoint.settings().signingSecret().reveal()));
            server.mount(SlackEndpoint.PATH, endpoint.servlet());
        }
        return this;
    }

    /** Call once the HTTP server runs: opens Socket Mode if SLACK_APP_TOKEN is set. */
    public void afterServerStart() throws Exception {
        if (endpoint.settings().socketMode()) endpoint.startSocketMode();
        log.info("Slack adapter on: {}", describe());
    }

    /** How Slack reaches the bot, for the startup log. */
    public String describe() {
        SlackSettings s = endpoint.settings();
        String http = s.signingSecret() != null ? "HTTP at " + SlackEndpoint.PATH : null;
        String socket = s.socketMode() ? "Socket Mode" : null;
        String how = http != null && socket != null ? http + " and " + socket : (http != null ? http : socket);
        return how + (s.apiUrl().equals(SlackSettings.DEFAULT_API_URL) ? "" : " (Web API at " + s.apiUrl() + ")");
    }

    @Override
    public void close() throws Exception {
        endpoint.close();
    }
}
