package dev.ecabot.store;

import java.util.Locale;

/**
 * The bot's database cannot be used at start: unreachable, refusing the credentials, held by another process (H2),
 * or its tables could not be brought up to date. The message says which, in one line, with the fix; it never holds
 * the password (URL parameters are left out). Commands exit with 1: the fault is outside the user's input.
 */
public final class DatabaseUnavailableException extends IllegalStateException {

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why opening {@code url} failed, in words, from what the driver, the pool or Flyway threw. */
    static DatabaseUnavailableException opening(String url, Exception failure) {
        String where = shown(url);
        String cause = rootMessage(failure);
        String lower = cause.toLowerCase(Locale.ROOT);
        if (lower.contains("already in use") || lower.contains("locked by another process")) {
            return new DatabaseUnavailableException("The database " + where + " is open in another ecabot process (an H2"
                    + " file database allows one at a time): stop the other process, or give this one its own"
                    + " ECABOT_DATA_DIR, or share PostgreSQL through ECABOT_DB_URL.", failure);
        }
        if (lower.contains("password") || lower.contains("authentication") || lower.contains("wrong user name")) {
            return new DatabaseUnavailableException("The database " + where + " refused the sign-in (" + cause + "): check"
                    + " ECABOT_DB_USER and ECABOT_DB_PASSWORD.", failure);
        }
        if (failure instanceof org.flywaydb.core.api.FlywayException) {
            return new DatabaseUnavailableException("The database " + where + " answers, but its tables could not be"
                    + " brought up to date (" + cause + "): check that ECABOT_DB_USER may create tables, and that no"
                    + " newer ecabot version migrated it (then run that version); see docs/operations.md, \"Upgrade\".",
                    failure);
        }
        return new DatabaseUnavailableException("The database " + where + " cannot be reached (" + cause + "): check"
                + " that it runs and that ECABOT_DB_URL points at it.", failure);
    }

    /** The URL without its parameters (which may carry a password). */
    static String shown(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0) cut = Math.min(cut, i);
        }
        return url.substring(0, cut);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.strip();
        int newline = message.indexOf('\n');
        if (newline > 0) message = message.substring(0, newline).strip();
        // H2 appends its error code and SQL state ("[90020-224]"): no use to whoever runs the bot.
        message = message.replaceAll("\\s*\\[\\d+-\\d+]$", "");
        return message.length() <= 200 ? message : message.substring(0, 197) + "...";
    }
}
