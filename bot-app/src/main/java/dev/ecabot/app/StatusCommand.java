package dev.ecabot.app;

import dev.ecabot.app.health.Readiness;
import dev.ecabot.app.health.ReadinessChecks;
import dev.ecabot.config.ConfigException;
import dev.ecabot.settings.error.InvalidSettingException;
import dev.ecabot.settings.Settings;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookLoadException;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.slack.SlackSettings;
import dev.ecabot.store.Database;
import dev.ecabot.store.DatabaseUnavailableException;
import dev.ecabot.teams.TeamsSettings;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ecabot status}: whether the bot, as this environment sets it up, is ready, checked the way /readyz and the
 * terminal check it (one home: {@link ReadinessChecks}), one line per check with the fix when it fails. Looks only:
 * it creates no data folder, key or database and migrates nothing, so it is safe against a running cluster.
 * Exit 0 when every check passes, 1 otherwise.
 */
@Command(name = "status", description = "Check that the bot is ready to run as set up here: configuration, database (reachable, migrated), "
                + "master key (opens the vault), sign-in to each org, chat platform settings. Exit 0 ready, 1 not.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        Map<String, String> env = cli.environment();
        Readiness readiness = new Readiness();
        Settings settings;
        try {
            settings = cli.settings();
            PlaybookCatalog.load(env);
            readiness.check("configuration", Optional::empty);
        } catch (ConfigException | PlaybookLoadException | InvalidSettingException e) {
            readiness.check("configuration", () -> Optional.of(e.getMessage()));
            return print(out, readiness); // nothing further can be checked without it
        }
        checkPlatforms(readiness, env);
        Database db = null;
        try (InProcessDemoOrg demo = new InProcessDemoOrg()) {
            Path dataDir = settings.dataDir().toAbsolutePath();
            if (settings.database().usesDataDirectory() && Files.notExists(dataDir.resolve("ecabot.mv.db"))) {
                out.println("database: none yet in " + dataDir + "; the first `ecabot chat` or `ecabot serve` creates it"
                        + " (owner-only)");
            } else {
                try {
                    // status only looks: it neither migrates the database nor makes a key
                    db = Database.openWithoutMigrating(settings.database().jdbcUrl(dataDir), settings.database().user(),
                            settings.database().password());
                    readiness.check("database", ReadinessChecks.database(db));
                    readiness.check("master key", ReadinessChecks.masterKey(db, env, settings.masterKeyFile().toAbsolutePath()));
                } catch (DatabaseUnavailableException | InvalidSettingException e) {
                    readiness.check("database", () -> Optional.of(e.getMessage()));
                }
            }
            ReadinessChecks.signInToEveryOrg(readiness, OrgRegistry.of(settings.config(), env, demo), new SalesforceClients());
            return print(out, readiness);
        } finally {
            if (db != null) db.close();
        }
    }

    /** Prints every check and answers the exit code. */
    private static int print(PrintWriter out, Readiness readiness) {
        readiness.started();
        int problems = 0;
        for (Map.Entry<String, Optional<String>> check : readiness.report().entrySet()) {
            if (check.getValue().isPresent()) problems++;
            out.println(check.getKey() + ": " + check.getValue().map(p -> "NOT READY: " + p).orElse("ok"));
        }
        out.println(problems == 0 ? "Ready." : "Not ready: " + problems + " problem(s) above.");
        out.flush();
        return problems == 0 ? 0 : 1;
    }

    /** "chat platforms (slack, teams)" and whether their settings are valid; none set up is fine for the terminal. */
    private static void checkPlatforms(Readiness readiness, Map<String, String> env) {
        try {
            boolean slack = SlackSettings.fromEnvironment(env).isPresent();
            boolean teams = TeamsSettings.fromEnvironment(env).enabled();
            String which = slack && teams ? "slack, teams" : slack ? "slack" : teams ? "teams"
                    : "none set up: the terminal chat only; `ecabot serve` needs Slack or Teams, see docs/slack.md";
            readiness.check("chat platforms (" + which + ")", Optional::empty);
        } catch (InvalidSettingException e) {
            readiness.check("chat platforms", () -> Optional.of(e.getMessage()));
        }
    }
}
