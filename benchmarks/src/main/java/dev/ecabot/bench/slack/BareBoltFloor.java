package dev.ecabot.bench.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import dev.ecabot.app.http.BotHttpServer;

import java.net.URI;

/**
 * The framework's floor: a minimal Bolt app on the same Jetty 12 server class as the bot, whose /eca listener
 * and button clicks ack at once and do nothing else. Same signing secret and Web API as the bot, so the two differ only in
 * what the bot does per request.
 */
final class BareBoltFloor implements AutoCloseable {

    private final BotHttpServer server = new BotHttpServer(0);

    BareBoltFloor(String botToken, String signingSecret, String apiUrl) throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        App app = new App(AppConfig.builder().singleTeamBotToken(botToken).signingSecret(signingSecret)
                .slack(Slack.getInstance(config)).build());
        app.command("/eca", (req, ctx) -> ctx.ack());
        app.blockAction(java.util.regex.Pattern.compile(".*"), (req, ctx) -> ctx.ack());
        server.mount("/slack/events", new SlackAppServlet(app));
        server.start();
    }

    URI endpoint() {
        return server.baseUri().resolve("/slack/events");
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
