package dev.ecabot.app.http;

import dev.ecabot.app.health.Readiness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/**
 * The bot's one embedded HTTP server (Jetty 12, Jakarta Servlet): each chat platform mounts its endpoint
 * here ({@code /slack/events}, {@code /api/messages}) plus {@code /healthz} (alive), {@code /readyz} (ready to
 * serve, see {@link dev.ecabot.app.health.Readiness}) and, when {@code ECABOT_METRICS_TOKEN} is set, {@code /metrics} (Prometheus, bearer
 * token). Port from {@code ECABOT_PORT}, default 3000; port 0 picks a free one (tests). Mount everything before
 * {@link #start()}.
 * <p>Hardened: request bodies over {@code ECABOT_MAX_REQUEST_BYTES} (default 256 KiB; Slack and Teams send a few
 * KiB) are refused with 413 before anything reads them; errors say the status only (no exception, no server name
 * or version); no request body is ever logged. Stopping first stops accepting, then lets requests under way finish
 * for a bounded time.
 */
public final class BotHttpServer implements AutoCloseable {

    public static final long DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;
    /** How long a stop waits for requests under way (Slack and Teams expect an answer within 3 to 15 seconds). */
    static final Duration REQUEST_DRAIN = Duration.ofSeconds(10);

    private final Server server;
    private final ServerConnector connector;
    private final ServletContextHandler context;
    private final Readiness readiness = new Readiness();

    public BotHttpServer(int port) {
        this(port, Map.of()); // the defaults: every interface, no /metrics, 256 KiB requests
    }

    public BotHttpServer(int port, Map<String, String> env) {
        this.server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(env.getOrDefault("ECABOT_BIND_ADDRESS", "0.0.0.0"));
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new PlainErrors.ForServer());
        this.context = new ServletContextHandler();
        context.setContextPath("/");
        context.setErrorHandler(new PlainErrors.ForServlets());
        context.addFilter(new FilterHolder(new SafeErrorsFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HealthServlet()), "/healthz");
        context.addServlet(new ServletHolder(new ReadyServlet(readiness)), "/readyz");
        String metricsToken = env.get("ECABOT_METRICS_TOKEN");
        if (metricsToken != null && !metricsToken.isBlank()) {
            PrometheusMeterRegistry prometheus = prometheus();
            context.addServlet(new ServletHolder(new MetricsServlet(prometheus, metricsToken.strip())), "/metrics");
        }
        SizeLimitHandler limit = new SizeLimitHandler(maxRequestBytes(env), -1);
        limit.setHandler(context);
        GracefulHandler graceful = new GracefulHandler(limit);
        server.setHandler(graceful);
        server.setStopTimeout(REQUEST_DRAIN.toMillis());
    }

    /** The one Prometheus registry of the process, added to Micrometer's global registry the code counts into. */
    private static synchronized PrometheusMeterRegistry prometheus() {
        for (MeterRegistry r : Metrics.globalRegistry.getRegistries()) {
            if (r instanceof PrometheusMeterRegistry p) return p;
        }
        PrometheusMeterRegistry p = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(p);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(p);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(p);
        new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(p);
        Metrics.addRegistry(p);
        return p;
    }

    static long maxRequestBytes(Map<String, String> env) {
        String value = env.get("ECABOT_MAX_REQUEST_BYTES");
        if (value == null || value.isBlank()) return DEFAULT_MAX_REQUEST_BYTES;
        try {
            long bytes = Long.parseLong(value.strip());
            if (bytes >= 1024) return bytes;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new dev.ecabot.settings.error.InvalidSettingException("ECABOT_MAX_REQUEST_BYTES must be a number of bytes of at least 1024; got '"
                + value + "'");
    }

    /** Serves {@code servlet} at {@code pathSpec} (e.g. "/slack/events"), counting its requests for {@code platform}. */
    public BotHttpServer mount(String pathSpec, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet), pathSpec);
        context.addFilter(new FilterHolder(new InboundMetricsFilter(platformOf(pathSpec))), pathSpec,
                EnumSet.of(DispatcherType.REQUEST));
        return this;
    }

    /** Runs {@code filter} before whatever is mounted at {@code pathSpec} (e.g. a signature check). */
    public BotHttpServer filter(String pathSpec, Filter filter) {
        context.addFilter(new FilterHolder(filter), pathSpec, EnumSet.of(DispatcherType.REQUEST));
        return this;
    }

    private static String platformOf(String pathSpec) {
        if (pathSpec.startsWith("/slack")) return "slack";
        if (pathSpec.startsWith("/api/messages")) return "teams";
        return pathSpec.replaceAll("[^a-z]", "");
    }

    /** What {@code /readyz} checks; add checks before {@link #start()}. */
    public Readiness readiness() {
        return readiness;
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

    /** Stops accepting requests, waits up to 10 seconds for those under way, then stops. */
    @Override
    public void close() throws Exception {
        readiness.stopping();
        server.stop();
    }

    /** Counts inbound requests and times their answer (the ack) per platform and status. */
    private static final class InboundMetricsFilter extends jakarta.servlet.http.HttpFilter {
        private final String platform;

        InboundMetricsFilter(String platform) {
            this.platform = platform;
        }

        @Override
        protected void doFilter(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp,
                                jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
            long start = System.nanoTime();
            try {
                chain.doFilter(req, resp);
            } finally {
                Timer.builder("ecabot.inbound.requests").description("Requests from chat platforms and how long their ack took")
                        .tag("platform", platform).tag("status", Integer.toString(resp.getStatus()))
                        .register(Metrics.globalRegistry).record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }
}
