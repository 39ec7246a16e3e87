package dev.ecabot.teams;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** A real Jetty serving {@link TeamsMessagesServlet} at /api/messages, and a client posting activities to it. */
final class TeamsEndpoint implements AutoCloseable {

    /** The token the test credentials present to the fake connector (Entra ID is not reachable offline). */
    static final String OUTBOUND_TOKEN = "outbound-token-from-entra";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newHttpClient();
    final TeamsBotAdapter adapter;

    TeamsEndpoint(TeamsSettings settings, java.util.function.Function<TeamsBotAdapter, Bot> botForAdapter) throws Exception {
        this(settings, botForAdapter, null, null);
    }

    /** With {@code turns}: answers 202 at once and runs each turn there, dropping deliveries seen before. */
    TeamsEndpoint(TeamsSettings settings, java.util.function.Function<TeamsBotAdapter, Bot> botForAdapter,
                  TeamsProcessedActivities processed, java.util.concurrent.Executor turns) throws Exception {
        adapter = new TeamsBotAdapter(settings, TeamsEndpoint::fixedTokenCredentials);
        Bot bot = botForAdapter.apply(adapter);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(turns == null ? new TeamsMessagesServlet(adapter, bot)
                : new TeamsMessagesServlet(adapter, bot, processed, turns)), "/api/messages");
        server.setHandler(context);
        server.start();
    }

    HttpResponse<String> post(String activityJson, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activityJson));
        if (authorization != null) request.header("Authorization", authorization);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A test activity from src/test/resources/activities, with its serviceUrl pointed at the fake connector. */
    static String activity(String name, String serviceUrl) {
        try (InputStream in = TeamsEndpoint.class.getResourceAsStream("/activities/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test activity " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{serviceUrl}}", serviceUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppCredentials fixedTokenCredentials(String appId, String scope) {
        AppCredentials credentials = new AppCredentials(null, scope) {
            @Override
            public CompletableFuture<String> getToken() {
                return CompletableFuture.completedFuture(OUTBOUND_TOKEN);
            }

            @Override
            protected Authenticator buildAuthenticator() {
                throw new UnsupportedOperationException("tests never reach Entra ID");
            }
        };
        credentials.setAppId(appId);
        return credentials;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
