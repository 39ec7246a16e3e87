package dev.ecabot.reminders;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders scheduled before the upgrade (addressed to the requester, or to the approvers for an app nobody owned)
 * become owner reminders addressed to the app's current owner (V115); the reveal reminder stays the requester's, the
 * approval reminder the approvers'. On H2 and PostgreSQL (skipped with the reason when no server is reachable).
 */
class OwnerRemindersMigrationTest {

    @Test
    void scheduledAppRemindersFollowTheOwnerAfterTheUpgradeOnH2() throws SQLException {
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        assertUpgraded(url, null, "h2");
    }

    @Test
    void scheduledAppRemindersFollowTheOwnerAfterTheUpgradeOnPostgres() throws SQLException {
        String server = PostgresTestDatabase.requireServer();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("ECABOT_TEST_PG_USER", "postgres");
        try (Connection c = DriverManager.getConnection(server, user, null); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        assertUpgraded(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, "postgresql");
    }

    private static void assertUpgraded(String url, String user, String vendor) throws SQLException {
        Flyway.configure().dataSource(url, user, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target("96").load().migrate(); // the schema as main had it before V115
        try (Connection c = DriverManager.getConnection(url, user, null); Statement st = c.createStatement()) {
            st.execute("INSERT INTO app_owner (org_name, api_name, owner, assigned_by, assigned_at) VALUES "
                    + "('demo', 'Claude_MCP', 'test:carol', 'test:dave', CURRENT_TIMESTAMP)");
            insert(st, "usable", "APP_USABLE", "REQUESTER", "'test:alice'", "'Claude_MCP'", "SCHEDULED");
            insert(st, "reveal", "REVEAL_EXPIRING", "REQUESTER", "'test:alice'", "'Claude_MCP'", "SCHEDULED");
            insert(st, "after", "PLAYBOOK_AFTER", "REQUESTER", "'test:alice'", "'Vonage_Prod'", "SCHEDULED");
            insert(st, "refresh-user:abc", "REFRESH_TOKEN_EXPIRING", "APPROVERS", "NULL", "'Legacy_Sync'", "SCHEDULED");
            insert(st, "approval", "APPROVAL_EXPIRING", "APPROVERS", "NULL", "'Claude_MCP'", "SCHEDULED");
            insert(st, "done", "APP_USABLE", "REQUESTER", "'test:alice'", "'Claude_MCP'", "DELIVERED");
        }
        try (Database db = Database.open(url, user, null); Connection c = db.dataSource().getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT reminder_id, recipient_type, recipient FROM reminders ORDER BY reminder_id")) {
            Map<String, String> after = new LinkedHashMap<>();
            while (rs.next()) after.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
            assertThat(after).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "usable", "OWNER test:carol",                 // the assigned owner, no longer the requester
                    "reveal", "REQUESTER test:alice",             // the secret stays with who was offered it
                    "after", "OWNER test:alice",                  // nobody assigned: the requester owns it
                    "refresh-user:abc", "OWNER null",             // still nobody: the approvers, until an owner is named
                    "approval", "APPROVERS null",
                    "done", "REQUESTER test:alice"));             // delivered reminders are history, untouched
        }
    }

    private static void insert(Statement st, String id, String kind, String type, String recipient, String app,
                               String state) throws SQLException {
        st.execute("INSERT INTO reminders (reminder_id, kind, recipient_type, recipient, org, api_name, due_at, message,"
                + " state) VALUES ('" + id + "', '" + kind + "', '" + type + "', " + recipient + ", 'demo', " + app
                + ", CURRENT_TIMESTAMP, 'text', '" + state + "')");
    }
}
