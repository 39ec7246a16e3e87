package dev.ecabot.app.http;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;

/**
 * The bot's one embedded HTTP server (Jetty 12, Jakarta Servlet): each chat platform mounts its endpoint
 * here ({@code /slack/events}, {@code /api/messages}) plus {@code /healthz}. Port from {@code ECABOT_PORT},
 * default 3000; port 0 picks a free one (tests). Mount everything before {@link #start()}.
 */
public final class BotHttpServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 3000;

    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;

    public BotHttpServer(int port) {
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(System.getenv().getOrDefault("ECABOT_BIND_ADDRESS", "0.0.0.0"));
        connector.setPort(port);
        server.addConnector(connector);
        this.context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new HealthServlet()), "/healthz");
        server.setHandler(context);
    }

    /** The port named by {@code ECABOT_PORT}, or 3000. */
    public static int portFromEnvironment() {
        String value = System.getenv("ECABOT_PORT");
        if (value == null || value.isBlank()) return DEFAULT_PORT;
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ECABOT_PORT must be a port number from 0 to 65535; got '" + value + "'");
        }
    }

    /** Serves {@code servlet} at {@code pathSpec} (e.g. "/slack/events"). */
    public BotHttpServer mount(String pathSpec, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet), pathSpec);
        return this;
    }

    public void start() throws Exception {
        server.start();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
