package dev.ecabot.app.teams;

import com.microsoft.bot.builder.Bot;
import dev.ecabot.app.http.BotHttpServer;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.teams.AdaptiveCards;
import dev.ecabot.teams.PersonalChats;
import dev.ecabot.teams.TeamsApprovalViews;
import dev.ecabot.teams.TeamsBot;
import dev.ecabot.teams.TeamsBotAdapter;
import dev.ecabot.teams.TeamsChatPort;
import dev.ecabot.teams.TeamsDirectory;
import dev.ecabot.teams.TeamsMessagesServlet;
import dev.ecabot.teams.TeamsProcessedActivities;
import dev.ecabot.teams.TeamsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts Teams on the bot's one HTTP server at {@code /api/messages} when the settings turn it on, and says
 * loudly when it runs without authentication. The only place bot-app touches the Teams adapter.
 */
public final class TeamsWiring {

    public static final String PATH = "/api/messages";
    /** Where Teams turns run after the 202 (daemon threads: a stop leaves unsent replies in the outbox). */
    private static final java.util.concurrent.ExecutorService TURNS = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "teams-turn");
        t.setDaemon(true);
        return t;
    });
    private static final Logger log = LoggerFactory.getLogger(TeamsWiring.class);

    private TeamsWiring() {
    }

    /**
     * Mounts Teams with the conversation engine when {@code settings} enable it: builds the Teams ChatPort,
     * hands it to {@code engineFor} (which builds the engine around that port, or a router over several
     * platforms' ports) and serves the engine's entry point.
     *
     * @return the Teams port (for reminders and notices: {@code PersonalChats}), empty when Teams is off
     */
    public static Optional<TeamsChat> mount(BotHttpServer server, TeamsSettings settings, DataSource dataSource,
                                            ZoneId displayZone, Function<ChatPort, Consumer<ChatEvent>> engineFor) {
        return mountAnswering(server, settings, dataSource, displayZone, port -> {
            Consumer<ChatEvent> engine = engineFor.apply(port);
            return (event, inTurn) -> {
                engine.accept(event);
                return dev.ecabot.conversation.TurnAnswer.handled();
            };
        });
    }

    /** As {@link #mount}, with the engine's answer to each turn (a refused click is told to the clicker only). */
    public static Optional<TeamsChat> mountAnswering(BotHttpServer server, TeamsSettings settings, DataSource dataSource,
                                                     ZoneId displayZone,
                                                     Function<ChatPort, dev.ecabot.conversation.ChatTurns> engineFor) {
        TeamsChat[] chat = new TeamsChat[1];
        TeamsProcessedActivities processed = new TeamsProcessedActivities(dataSource, Clock.systemUTC());
        boolean on = mount(server, settings, processed, adapter -> {
            TeamsDirectory directory = new TeamsDirectory(dataSource, Clock.systemUTC());
            AdaptiveCards cards = new AdaptiveCards(displayZone);
            TeamsChatPort port = new TeamsChatPort(adapter, directory, cards,
                    new TeamsApprovalViews(dataSource, Clock.systemUTC()));
            chat[0] = new TeamsChat(port, port.personalChats());
            return new TeamsBot(engineFor.apply(port), port, directory, cards, Clock.systemUTC(), processed);
        });
        return on ? Optional.of(chat[0]) : Optional.empty();
    }

    /** The Teams side once mounted: its ChatPort, and how to find a person's 1:1 chat for proactive messages. */
    public record TeamsChat(TeamsChatPort port, PersonalChats personalChats) { }

    /**
     * Mounts Teams when {@code settings} enable it.
     *
     * @param botForAdapter builds the bot from the adapter (the bot needs it for proactive messages)
     * @return whether Teams is on
     */
    public static boolean mount(BotHttpServer server, TeamsSettings settings, Function<TeamsBotAdapter, Bot> botForAdapter) {
        return mount(server, settings, null, botForAdapter);
    }

    /**
     * With {@code processed}: Teams is answered 202 at once and each turn runs after (in order per conversation),
     * and a delivery Teams retries is recognised by its activity id and dropped.
     */
    private static boolean mount(BotHttpServer server, TeamsSettings settings, TeamsProcessedActivities processed,
                                 Function<TeamsBotAdapter, Bot> botForAdapter) {
        switch (settings.mode()) {
            case OFF -> {
                log.info("Teams is off (set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to serve it)");
                return false;
            }
            case INSECURE_LOCAL -> log.warn("""

                    ******************************************************************************
                    * TEAMS RUNS WITHOUT AUTHENTICATION (ECABOT_TEAMS_INSECURE_LOCAL=true).      *
                    * Anyone who can reach {} can act as any Teams user.       *
                    * Use only with the Bot Framework Emulator on your own machine.              *
                    ******************************************************************************""", PATH);
            case AUTHENTICATED -> log.info("Teams is on at {} for app id {} (tenant {}); every request's token is checked",
                    PATH, settings.appId(), settings.tenantId());
        }
        TeamsBotAdapter adapter = new TeamsBotAdapter(settings);
        Bot bot = botForAdapter.apply(adapter);
        server.mount(PATH, processed == null ? new TeamsMessagesServlet(adapter, bot)
                : new TeamsMessagesServlet(adapter, bot, processed, TURNS));
        return true;
    }
}
