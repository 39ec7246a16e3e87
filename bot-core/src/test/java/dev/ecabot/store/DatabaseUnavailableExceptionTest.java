package dev.ecabot.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Why the database cannot be used, in one line with the fix, never with the URL's parameters. */
class DatabaseUnavailableExceptionTest {

    @Test
    void anH2FileHeldByAnotherProcessSaysSo() {
        // H2's words when a second process opens the same file database
        SQLException locked = new SQLException("Database may be already in use: \"/srv/data/ecabot.mv.db\". Possible"
                + " solutions: close all other connection(s); use the server mode [90020-224]");

        String message = DatabaseUnavailableException.opening("jdbc:h2:file:/srv/data/ecabot;DB_CLOSE_ON_EXIT=FALSE",
                locked).getMessage();

        assertThat(message).isEqualTo("The database jdbc:h2:file:/srv/data/ecabot is open in another ecabot process (an"
                + " H2 file database allows one at a time): stop the other process, or give this one its own"
                + " ECABOT_DATA_DIR, or share PostgreSQL through ECABOT_DB_URL.");
    }

    @Test
    void aRefusedPasswordNamesTheVariablesAndNeverThePassword() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"ecabot\"");

        String message = DatabaseUnavailableException.opening("jdbc:postgresql://db:5432/ecabot?password=hunter2",
                refused).getMessage();

        assertThat(message).startsWith("The database jdbc:postgresql://db:5432/ecabot refused the sign-in (FATAL:")
                .endsWith("check ECABOT_DB_USER and ECABOT_DB_PASSWORD.").doesNotContain("hunter2");
    }
}
