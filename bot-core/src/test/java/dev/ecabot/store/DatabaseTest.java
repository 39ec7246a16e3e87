package dev.ecabot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void aFileDatabaseIsCreatedAndMigratedOnFirstOpen(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ecabot").toAbsolutePath();
        try (Database db = Database.open(url, null, null);
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT info_value FROM ecabot_info WHERE info_key = 'schema_origin'")) {
            assertThat(db.vendor()).isEqualTo("h2");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ecabot");
        }
        // Opening again finds the schema current and changes nothing.
        try (Database again = Database.open(url, null, null)) {
            assertThat(again.vendor()).isEqualTo("h2");
        }
    }

    @Test
    void anUnsupportedDatabaseUrlIsRefusedWithTheFormatToUse() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/ecabot", null, null))
                .hasMessageContaining("jdbc:postgresql://");
    }
}
