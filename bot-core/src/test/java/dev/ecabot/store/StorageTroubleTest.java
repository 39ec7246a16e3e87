package dev.ecabot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A database H2 closed under the bot (as after a full disk) is reopened without a restart, and a full disk is named. */
class StorageTroubleTest {

    @Test
    void afterTheDatabaseClosedUnderThePoolTheBotReadsAndWritesAgainWithoutARestart(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("ecabot") + ";DB_CLOSE_ON_EXIT=FALSE", null, null)) {
            exec(db, "CREATE TABLE probe (n INT)");
            exec(db, "INSERT INTO probe VALUES (1)");
            try {
                exec(db, "SHUTDOWN"); // what H2 does to itself when its file cannot grow
            } catch (SQLException closedUnderUs) {
                // the connection dies with the database
            }

            int failures = 0;
            Integer read = null;
            for (int attempt = 0; attempt < 10 && read == null; attempt++) {
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM probe")) {
                    rs.next();
                    read = rs.getInt(1);
                } catch (SQLException e) {
                    failures++;
                }
            }
            assertThat(read).as("the database opened again; failed attempts first: " + failures).isEqualTo(1);
            assertThat(failures).isLessThanOrEqualTo(4);
            exec(db, "INSERT INTO probe VALUES (2)");
        }
    }

    @Test
    void aFullDiskIsNamedInWordsForThePersonWaiting() {
        var full = new IllegalStateException("Could not save the conversation",
                new SQLException("General error: \"java.lang.IllegalStateException: Could not write to file "
                        + "\"\"data/ecabot.mv.db\"\": No space left on device\"", "HY000", 50000));
        assertThat(StorageTrouble.describe(full)).get().asString()
                .startsWith("I cannot save anything right now: the disk of the bot's database is full.");
        assertThat(StorageTrouble.describe(new SQLException("could not extend file", "53100"))).isPresent();
        assertThat(StorageTrouble.describe(new IllegalStateException("something else", new IOException("reset")))).isEmpty();
    }

    private static void exec(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
