package dev.ecabot.app;

import dev.ecabot.app.terminal.BackgroundWork;
import dev.ecabot.app.terminal.Speaker;
import dev.ecabot.app.terminal.TerminalChat;
import dev.ecabot.app.terminal.TerminalSession;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ecabot chat} (and {@code ecabot} alone): the bot in this terminal, with zero configuration: H2 and the
 * master key under ./data, the in-process demo org. Reads standard input, so a piped script works too.
 */
@Command(name = "chat", description = "Talk to the bot in this terminal (the default when no command is given).")
public final class TerminalChatCommand implements Callable<Integer> {

    @Option(names = "--as", paramLabel = "<name>", description = "Who you are in the chat (default: your OS user name).")
    String user = System.getProperty("user.name", "me");

    @Option(names = "--data", paramLabel = "<dir>",
            description = "Where the H2 database and the master key live (default: ECABOT_DATA_DIR, else ./data).")
    Path dataDir; // null: the settings' data directory

    /**
     * Without a roles section in ecabot.yaml: the person at the keyboard is admin, and anyone they speak as with
     * {@code /as} may request and approve, so approvals can be tried alone. Only the terminal is covered.
     */
    static RolesConfig zeroConfigRoles(String localUser) {
        Grantee everyone = new Grantee(Grantee.Kind.EVERYONE_ON_PLATFORM, TerminalSession.PLATFORM, "*");
        return new RolesConfig(List.of(everyone), List.of(everyone),
                List.of(new Grantee(Grantee.Kind.USER, TerminalSession.PLATFORM, localUser)));
    }


    @Mixin
    CommonOptions cli;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        boolean interactive = System.console() != null;
        Speaker speaker = new Speaker(user);
        TerminalChat chat = new TerminalChat(out, speaker);
        BackgroundWork work = new BackgroundWork();
        Settings settings = cli.settings();
        if (dataDir != null) settings = settings.withDataDir(dataDir);
        Runnable restoreLogs = quietLogsUnlessAsked(settings.environment());
        boolean keyFromEnv = settings.masterKeyFromEnvironment();
        java.nio.file.Path keyFile = settings.masterKeyFile().toAbsolutePath();
        boolean newKey = !keyFromEnv && !java.nio.file.Files.exists(keyFile);
        try (BotRuntime bot = BotRuntime.start(chat, work, settings, zeroConfigRoles(user))) {
            // The first prompt waits neither for the scheduler (created and started, delivering overdue reminders,
            // meanwhile) nor for the orgs' sign-in (the demo org's emulator and HTTPS client): what they find wrong
            // is said when they know it.
            var begun = bot.beginInBackground();
            var signIns = bot.checkOrgSignInsInBackground();
            var conversations = new dev.ecabot.conversation.state.ConversationStore(bot.database().dataSource());
            List<String> notes = new java.util.ArrayList<>(List.of(keyNote(keyFromEnv, newKey, keyFile)));
            notes.addAll(notReady(bot));
            if (!begun.isDone()) notes.add(SCHEDULER_STARTING);
            begun.whenComplete((done, failure) -> {
                if (failure != null) out.println("Not ready: " + schedulerFailed(failure));
            });
            var signInsSaid = signIns.handle((problems, failure) -> {
                if (problems != null) problems.forEach(p -> out.println("Not ready: " + p));
                return null;
            });
            new TerminalSession(bot.engine(), chat, work, in, out, !interactive, speaker)
                    .withStartNotes(notes, event -> conversations
                            .find(dev.ecabot.conversation.state.ConversationKey.of(event))
                            .map(TerminalChatCommand::earlierConversation))
                    .run();
            signInsSaid.join(); // a session shorter than the check still hears what it found
        } finally {
            work.shutdownNow();
            restoreLogs.run();
        }
        return 0;
    }

    /**
     * What is not ready, one line each with the fix, from the checks /readyz makes (database, scheduler): said at
     * the greeting instead of failing later in a conversation. The sign-in to each org people can pick is checked
     * after the greeting ({@link BotRuntime#checkOrgSignInsInBackground()}), its problems said as they are found.
     */
    static List<String> notReady(BotRuntime bot) {
        dev.ecabot.app.health.Readiness readiness = bot.checkDatabaseAndScheduler(new dev.ecabot.app.health.Readiness());
        readiness.started();
        return readiness.problems().stream().map(p -> "Not ready: " + p).toList();
    }

    /** The greeting's word on a scheduler still starting in the background (the truth at that moment). */
    static final String SCHEDULER_STARTING = "Reminders are starting in the background: any that fell due while I was"
            + " stopped arrive shortly, once each. You can start now.";

    /** What the terminal says when the scheduler could not start after the greeting. */
    static String schedulerFailed(Throwable failure) {
        Throwable why = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return "the reminder scheduler could not start (" + why.getMessage() + "), so reminders, expiries and the"
                + " recovery of interrupted requests wait: see the log for why, and restart.";
    }

    /** Where the master key is and why it matters: the first thing a newcomer should know after hello. */
    static String keyNote(boolean fromEnv, boolean created, java.nio.file.Path keyFile) {
        String why = " It seals the secrets waiting to be revealed and the demo org's apps in the database: keep it"
                + " private and back it up, since without it they cannot be opened.";
        if (fromEnv) return "Your master key comes from ECABOT_MASTER_KEY." + why;
        return (created ? "I made a new master key in " : "Your master key is in ") + keyFile + "." + why
                + (created ? " (To use your own, set ECABOT_MASTER_KEY.)" : "");
    }

    /** Says that a conversation from an earlier run is waiting, and how to continue or drop it. */
    static String earlierConversation(dev.ecabot.conversation.state.ConversationState state) {
        String what = state.playbookId() == null ? "a new app"
                : state.playbookId() + (state.org() == null ? "" : " in " + state.org());
        return "You have a conversation in progress from an earlier run (" + what + ", last answered "
                + state.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' ')
                .replace("Z", " UTC") + "): your next line answers its question. Say \"status\" to see where it"
                + " stands, or \"cancel\" to drop it.";
    }

    /**
     * In the terminal, log lines would interleave with the conversation: only warnings are shown unless
     * ECABOT_LOG_LEVEL asks for more (the server keeps INFO, as logback.xml sets it). Returns how to undo it.
     */
    private static Runnable quietLogsUnlessAsked(Map<String, String> env) {
        if (env.get("ECABOT_LOG_LEVEL") == null
                && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            ch.qos.logback.classic.Level before = root.getLevel();
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            // the greeting says where the master key is: its creation warning would only repeat it, first
            var keyLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(dev.ecabot.vault.MasterKey.class);
            ch.qos.logback.classic.Level keyBefore = keyLog.getLevel();
            keyLog.setLevel(ch.qos.logback.classic.Level.ERROR);
            return () -> {
                root.setLevel(before);
                keyLog.setLevel(keyBefore);
            };
        }
        return () -> { };
    }
}
