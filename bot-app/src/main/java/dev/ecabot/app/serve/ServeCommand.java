package dev.ecabot.app.serve;

import dev.ecabot.access.RolesConfig;
import dev.ecabot.app.BotRuntime;
import dev.ecabot.app.http.BotHttpServer;
import dev.ecabot.app.http.InventoryApiServlet;
import dev.ecabot.app.slack.SlackWiring;
import dev.ecabot.settings.Settings;
import dev.ecabot.app.teams.TeamsWiring;
import dev.ecabot.slack.SlackSettings;
import dev.ecabot.teams.TeamsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.ecabot.app.cli.CommonOptions;
import dev.ecabot.app.cli.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ecabot serve}: the bot as it runs in production, serving the configured chat platforms on one HTTP
 * server (port ECABOT_PORT, default 3000) and Slack's Socket Mode when SLACK_APP_TOKEN is set, without the
 * terminal chat. Exit 2 when no chat platform is configured or the configuration (variables, ecabot.yaml, playbooks)
 * is wrong; 1 when starting fails for an outside reason (Slack unreachable, port taken).
 */
@Command(name = "serve", description = "Serve the configured chat platforms (Slack, Teams) over HTTP, without the terminal chat.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    /** How long a stop waits for provisioning under way to finish its step. */
    private static final java.time.Duration DRAIN_TIME = java.time.Duration.ofSeconds(20);

    @Mixin
    CommonOptions cli;

    @Override
    public Integer call() throws Exception {
        Running running;
        try {
            running = start(cli.settings());
        } catch (IllegalStateException e) { // outside the user's input: Slack unreachable, the port taken...
            if (e instanceof dev.ecabot.settings.error.StartRefusedException || e instanceof dev.ecabot.store.DatabaseUnavailableException) throw e;
            cli.err().println(e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ecabot-shutdown"));
        running.server.join();
        return 0;
    }

    /** No chat platform is configured: there is nothing to serve. */
    static final class NothingToServe extends InvalidInputException {
        NothingToServe() {
            super("No chat platform is configured, so there is nothing to serve.\n"
                    + "  Slack: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP at /slack/events), and SLACK_APP_TOKEN "
                    + "for Socket Mode; see docs/slack.md.\n"
                    + "  Teams: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (HTTP at "
                    + "/api/messages); see docs/teams.md.\n"
                    + "  To try the bot without a chat platform, run `ecabot` for the terminal chat.");
        }
    }

    /** As {@link #start(Settings)}, reading the settings (ecabot.yaml) of {@code env}: for tests and embedders. */
    public static Running start(Map<String, String> env) throws Exception {
        return start(Settings.load(env));
    }

    /**
     * Starts everything {@code settings} configure and returns once requests are being answered. The data directory
     * (ECABOT_DATA_DIR, default ./data; a volume in a container) holds the embedded database and the key file.
     * @throws NothingToServe when no chat platform is configured
     * @throws dev.ecabot.settings.error.InvalidSettingException when a platform's configuration is wrong (the message says how to fix it)
     */
    public static Running start(Settings settings) throws Exception {
        Map<String, String> env = settings.environment();
        boolean slackOn = SlackSettings.fromEnvironment(env).isPresent();
        TeamsSettings teamsSettings = TeamsSettings.fromEnvironment(env);
        if (!slackOn && !teamsSettings.enabled()) throw new NothingToServe();
        int port = settings.port();
        List<AutoCloseable> resources = new ArrayList<>();
        ExecutorService provisioning = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ecabot-provisioning");
            t.setDaemon(true);
            return t;
        });
        try {
            PlatformPorts ports = new PlatformPorts();
            // Deny on doubt: without a roles section in ecabot.yaml, chat users may only ask for help.
            BotRuntime runtime = BotRuntime.startServing(new MeasuredSends(ports), provisioning, settings, RolesConfig.empty());
            if (settings.config().section("roles").isEmpty()) {
                log.warn("No roles section in ecabot.yaml: chat users can only ask for help until you add one "
                        + "(requesters, approvers, admins, e.g. \"slack:*\"); see docs/slack.md");
            }
            resources.add(0, runtime);
            // Stopping: let provisioning finish its current step for a while; what is still running after that
            // is not interrupted (its steps are recorded) but taken over by the next instance once its lease ends.
            resources.add(0, () -> drain(provisioning, DRAIN_TIME));
            Optional<SlackWiring> slack = SlackWiring.fromEnvironment(env, runtime.database());
            BotHttpServer server = new BotHttpServer(port, env);
            if (slack.isPresent()) {
                resources.add(0, slack.get());
                ports.register("slack", slack.get().chatPort());
                slack.get().serveAnswering(runtime.engine(), server);
            }
            boolean teamsOn = TeamsWiring.mountAnswering(server, teamsSettings, runtime.database().dataSource(),
                    ZoneId.systemDefault(), teamsPort -> {
                        ports.register("teams", teamsPort);
                        return runtime.engine();
                    }).isPresent();
            ServeHealth.readiness(server.readiness(), runtime.database(), runtime::schedulerRunning, ports,
                    slack.isPresent() && teamsOn ? new String[] {"slack", "teams"}
                            : slack.isPresent() ? new String[] {"slack"} : new String[] {"teams"});
            ServeHealth.gauges(runtime.database().dataSource());
            ServeHealth.outboxGauges(runtime.database().dataSource(), "slack", "teams");
            boolean inventoryApi = InventoryApiServlet.mount(server, settings.config().inventory().api(), env,
                    runtime.database().dataSource(), java.time.Clock.systemUTC());
            if (inventoryApi) log.info("Read-only inventory API on {}", InventoryApiServlet.PATH);
            server.start();
            resources.add(0, server);
            if (slack.isPresent()) slack.get().afterServerStart();
            runtime.begin(); // every platform is registered: reminders and recovery may talk to people now
            server.readiness().started();
            log.info("ECA bot serving on port {}: Slack {}; Teams {}", server.port(),
                    slack.map(SlackWiring::describe).orElse("off"), teamsOn ? "on at " + TeamsWiring.PATH : "off");
            return new Running(server, resources);
        } catch (Exception | Error e) {
            new Running(null, resources).close();
            throw e;
        }
    }

    private static void drain(ExecutorService work, java.time.Duration atMost) throws InterruptedException {
        work.shutdown();
        if (!work.awaitTermination(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            log.warn("Provisioning still running after {} s; leaving it to be resumed after the restart",
                    atMost.toSeconds());
        }
    }

    /** A serving bot: its HTTP server, and everything to close when it stops (in order). */
    public static final class Running implements AutoCloseable {
        private final BotHttpServer server;
        private final List<AutoCloseable> resources;

        Running(BotHttpServer server, List<AutoCloseable> resources) {
            this.server = server;
            this.resources = resources;
        }

        public BotHttpServer server() {
            return server;
        }

        @Override
        public synchronized void close() {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    log.warn("Stopping {} failed: {}", r.getClass().getSimpleName(), e.getMessage());
                }
            }
            resources.clear();
        }
    }
}
