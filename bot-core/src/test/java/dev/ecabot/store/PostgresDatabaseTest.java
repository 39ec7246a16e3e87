package dev.ecabot.store;

import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The same migrations bring a PostgreSQL database up, as production and clusters use. */
class PostgresDatabaseTest {

    @Test
    void migrationsRunOnPostgres() throws Exception {
        try (Database db = PostgresTestDatabase.openFreshSchema();
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM ecabot_info")) {
            assertThat(db.vendor()).isEqualTo("postgresql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
