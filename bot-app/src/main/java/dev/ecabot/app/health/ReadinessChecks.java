package dev.ecabot.app.health;

import dev.ecabot.conversation.ChatPort;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.store.Database;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.VaultCanary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one home of the checks that say whether the bot is ready, shared by {@code /readyz}, the terminal chat's
 * greeting and {@code ecabot status}: each answers empty when fine, or what is wrong and how to fix it, in words.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /** The database answers and has every migration of this version applied. */
    public static Supplier<Optional<String>> database(Database db) {
        return () -> {
            try (Connection c = db.dataSource().getConnection()) {
                if (!c.isValid(2)) return Optional.of("unreachable (the connection is not valid): check that it runs");
            } catch (SQLException | RuntimeException e) {
                return Optional.of("unreachable (" + firstLine(e) + "): check that it runs and that ECABOT_DB_URL,"
                        + " ECABOT_DB_USER and ECABOT_DB_PASSWORD are right");
            }
            int pending;
            try {
                pending = db.pendingMigrations();
            } catch (RuntimeException e) {
                return Optional.of("its migrations cannot be read (" + firstLine(e) + ")");
            }
            return pending == 0 ? Optional.empty() : Optional.of("not migrated: " + pending + " migration(s) of this"
                    + " version are not applied; they run when `ecabot serve` or `ecabot chat` starts (see"
                    + " docs/operations.md, \"Upgrade\")");
        };
    }

    /** Reminders, expiries and the recovery of interrupted provisioning fire. */
    public static Supplier<Optional<String>> scheduler(BooleanSupplier running) {
        return () -> running.getAsBoolean() ? Optional.empty() : Optional.of("the reminder scheduler is not running, so"
                + " reminders, expiries and the recovery of interrupted requests wait: see the log for why, and restart");
    }

    /** Each named chat platform is registered with the bot. */
    public static Supplier<Optional<String>> platforms(ChatPort ports, String... platforms) {
        return () -> {
            for (String p : platforms) {
                if (!ports.serves(p)) return Optional.of(p + " is not registered yet");
            }
            return Optional.empty();
        };
    }

    /** The bot can sign in to {@code org} (a cached session counts). */
    public static Supplier<Optional<String>> signIn(Org org, SalesforceClients clients) {
        return () -> {
            try {
                clients.forOrg(org).checkSignIn();
                return Optional.empty();
            } catch (SalesforceException e) {
                return Optional.of(e.getMessage());
            }
        };
    }

    /** Adds a sign-in check per org, named "org NAME". */
    public static Readiness signInToEveryOrg(Readiness readiness, OrgRegistry orgs, SalesforceClients clients) {
        for (Org org : orgs.all()) readiness.check("org " + org.name(), signIn(org, clients));
        return readiness;
    }

    /**
     * The master key opens the database's vault. Looks only: without a canary (no secret sealed yet) there is
     * nothing to check, and a missing key file is reported rather than created.
     */
    public static Supplier<Optional<String>> masterKey(Database db, Map<String, String> env, Path keyFile) {
        return () -> {
            try {
                String fromEnv = env.get(MasterKey.ENV_VAR);
                boolean inEnv = fromEnv != null && !fromEnv.isBlank();
                if (!inEnv && Files.notExists(keyFile)) {
                    VaultCanary.refuseNewKeyFile(db.dataSource(), env, keyFile); // refused when secrets are sealed
                    return Optional.of("no key yet: set " + MasterKey.ENV_VAR + " (openssl rand -base64 32), or let the"
                            + " first start create " + keyFile.toAbsolutePath() + " and back it up");
                }
                if (!VaultCanary.present(db.dataSource())) return Optional.empty(); // nothing sealed yet
                VaultCanary.check(db.dataSource(), MasterKey.load(env, keyFile), MasterKey.describeSource(env, keyFile));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(firstLine(e));
            }
        };
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = m.indexOf('\n');
        return newline > 0 ? m.substring(0, newline) : m;
    }
}
