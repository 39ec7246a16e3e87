package dev.ecabot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPort;
import jakarta.servlet.http.HttpServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The bot's presence in one Slack workspace: a Bolt {@link App} configured from {@link SlackSettings} (its
 * signature check plus {@link FutureTimestampGuard} and {@link EventDeduplication}), the engine's
 * {@link ChatPort} for Slack, and the worker pool the listeners hand work to. Serve it over HTTP by mounting
 * {@link #servlet()} at {@value #PATH}, or over Socket Mode with {@link #startSocketMode()}. Thread-safe.
 */
public final class SlackEndpoint implements AutoCloseable {

    public static final String PATH = "/slack/events";
    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final SlackWebApi webApi;
    private final ThreadPoolExecutor workers;
    private final Clock clock;
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final ModalViews modals = new ModalViews();
    private final PendingForms forms;
    private final ScheduledExecutorService timers;
    private final SlackChatPort port;
    private final ProcessedEvents processed;
    private SocketModeApp socketMode;

    /**
     * Connects to Slack (Bolt checks the bot token with auth.test here) and installs the request checks.
     * @throws dev.ecabot.settings.error.InvalidSettingException when Slack refuses the token, saying what to fix
     */
    public SlackEndpoint(SlackSettings settings, DataSource database, Clock clock) {
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // The SDK's default listeners write whole request bodies at DEBUG, and views.update carries a revealed
        // secret: drop them so no log level can leak one.
        config.getHttpClientResponseHandlers().clear();
        this.slack = Slack.getInstance(config);
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder()
                .singleTeamBotToken(settings.botToken().reveal())
                // Events we have no listener for (edits, deletions in the DM) are acked too: an unacked event
                // is retried by Slack, and too many failures get the app's event subscription disabled.
                .allEventsApiAutoAckEnabled(true)
                .slack(slack);
        if (settings.signingSecret() != null) appConfig.signingSecret(settings.signingSecret().reveal());
        this.app = new App(appConfig.build());
        try {
            app.use(new FutureTimestampGuard(clock, settings.futureSkew()));
        } catch (IllegalArgumentException e) {
            // Bolt checks the token with auth.test here: either Slack said no, or Slack could not be reached.
            if (String.valueOf(e.getMessage()).contains("auth.test error")) {
                throw new dev.ecabot.settings.error.InvalidSettingException("Slack refused SLACK_BOT_TOKEN (" + e.getMessage() + " at "
                        + settings.apiUrl() + "auth.test). Copy the Bot User OAuth Token (xoxb-...) again from the "
                        + "app's 'OAuth & Permissions' page, and reinstall the app if it was revoked.");
            }
            throw new IllegalStateException("Could not reach Slack's Web API at " + settings.apiUrl()
                    + " to check SLACK_BOT_TOKEN (" + e.getMessage() + "). Check the network, a proxy, or SLACK_API_URL.");
        }
        this.processed = new ProcessedEvents(database, clock);
        app.use(new EventDeduplication(processed));
        this.webApi = new SlackWebApi(slack.methods(settings.botToken().reveal()));
        this.workers = workerPool(settings.workerThreads());
        this.clock = clock;
        this.forms = new PendingForms(database, clock);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slack-offer-expiry");
            t.setDaemon(true);
            return t;
        });
        this.port = new SlackChatPort(webApi, renderer, modals, forms, timers, clock);
    }

    /** The engine's way to talk to Slack users; give it to the engine before {@link #listen}. */
    public ChatPort chatPort() {
        return port;
    }

    /**
     * Routes every /eca command, mention, direct message, button and form to {@code engine} (the engine's one
     * entry point, {@code ConversationEngine::handle}), on the worker pool, after the ack.
     */
    public SlackEndpoint listen(Consumer<ChatEvent> engine) {
        return listenAnswering((event, inTurn) -> {
            engine.accept(event);
            return dev.ecabot.conversation.TurnAnswer.handled();
        });
    }

    /**
     * As {@link #listen(Consumer)}, with the engine's answer to each turn: a click the engine refuses (someone
     * else's question) is answered to the clicker only, and the card is left as it was.
     */
    public SlackEndpoint listenAnswering(dev.ecabot.conversation.ChatTurns engine) {
        UserNotice notice = new UserNotice(slack, webApi);
        port.showingHomesFrom(engine);
        SlackWork work = new SlackWork(new InboundMapper(new SlackUsers(webApi, clock)), engine, webApi, port,
                renderer, modals, forms, notice, processed);
        new SlackListeners(workers, work::run, work::submit).registerOn(app);
        return this;
    }

    /** The servlet to mount at {@value #PATH} for HTTP mode (events, slash commands, interactivity). */
    public HttpServlet servlet() {
        return new SlackAppServlet(app);
    }

    /** Opens the Socket Mode connection with SLACK_APP_TOKEN; returns once connected. */
    public synchronized void startSocketMode() throws Exception {
        String token = settings.appToken().orElseThrow(() -> new IllegalStateException(
                "Socket Mode needs SLACK_APP_TOKEN (an xapp- token with connections:write)")).reveal();
        socketMode = new SocketModeApp(token, app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        log.info("Slack Socket Mode connected");
    }

    public SlackWebApi webApi() {
        return webApi;
    }

    public SlackSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() throws Exception {
        if (socketMode != null) socketMode.close();
        app.stop();
        timers.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
    }

    private static ThreadPoolExecutor workerPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
