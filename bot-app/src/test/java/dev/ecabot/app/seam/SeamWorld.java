package dev.ecabot.app.seam;

import dev.ecabot.emulator.org.Consumer;
import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.testing.ReservedWordsPlaybook;
import dev.ecabot.vault.MasterKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What every scenario runs against, whatever the platform: one emulated Salesforce org ("acme"), an ecabot.yaml
 * naming it with the platform's people in their roles (alice and carol ask, bob approves and administers; vonage-ai-studio needs one
 * approval, altify-mcp none), the extra playbook {@link ReservedWordsPlaybook}, an in-memory database and a master key. The org is the ground truth for the figures:
 * the apps it holds and their consumer secrets.
 */
final class SeamWorld implements AutoCloseable {

    final EmulatedOrgs org = EmulatedOrgs.start(Duration.ofMillis(200));
    final String databaseUrl = "jdbc:h2:mem:seam-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    final Map<String, String> env = new HashMap<>();

    SeamWorld(Path dir, String platform, UnaryOperator<String> grantee) {
        Path config = dir.resolve("ecabot.yaml");
        try {
            Files.writeString(config, """
                    demoOrg: false
                    roles:
                      requesters: [ "%s:*" ]
                      approvers: [ "%s" ]
                      admins: [ "%s" ]
                    orgs:
                      - name: acme
                        environment: production
                        loginUrl: %s
                        auth:
                          type: jwt-bearer
                          consumerKey: %s
                          username: %s
                          privateKeyFile: %s
                    approvals:
                      default: 0
                      playbooks:
                        vonage-ai-studio: 1
                    """.formatted(platform, grantee.apply("bob"), grantee.apply("bob"), org.baseUrl(), EmulatedOrgs.BOT_CONSUMER_KEY,
                    EmulatedOrgs.BOT_USER, EmulatedOrgs.keyFile("bot.key.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("ECABOT_CONFIG", config.toString());
        Path playbooks = dir.resolve("playbooks");
        try {
            Files.createDirectories(playbooks);
            Files.writeString(playbooks.resolve(ReservedWordsPlaybook.ID + ".yaml"), ReservedWordsPlaybook.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("ECABOT_PLAYBOOKS_DIR", playbooks.toString());
        env.put("ECABOT_DB_URL", databaseUrl);
        env.put(MasterKey.ENV_VAR, Base64.getEncoder().encodeToString(new byte[32]));
        env.put("ECABOT_DATA_DIR", dir.resolve("data").toString());
        env.put("ECABOT_PORT", "0");
        env.put("ECABOT_BIND_ADDRESS", "127.0.0.1");
    }

    /** The consumer secrets of every app in the org: what must reach its requester once and nobody else. */
    List<String> secrets() {
        return org.emulator().org().apps().stream()
                .map(app -> org.emulator().org().consumer(app.fullName()).map(Consumer::secret).orElse(null))
                .filter(s -> s != null && !s.isBlank()).toList();
    }

    int apps() {
        return org.emulator().org().apps().size();
    }

    /** Rows of the bot's outbox in {@code status}, read from the bot's own database. */
    int outboxRows(String status) {
        try (Connection c = DriverManager.getConnection(databaseUrl);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM chat_outbox WHERE status = '" + status + "'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts {@code count} apps in acme's inventory, as if the bot had made them over the years (named App_001 ...,
     * labelled "{@code label} App_001"), in the bot's own database: for lists longer than any message.
     */
    void inventoryOf(int count, String label) {
        org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL(databaseUrl);
        dev.ecabot.inventory.InventoryAppRepository inventory = new dev.ecabot.inventory.InventoryAppRepository(database);
        for (int i = 1; i <= count; i++) {
            String name = String.format("App_%03d", i);
            inventory.save(new dev.ecabot.inventory.InventoryApp(null, "acme", name, label + " " + name, null,
                    "vonage-ai-studio", "Vonage", "terminal:alice", null, "ops@example.com", "3MVG9" + name,
                    java.time.Instant.parse("2026-03-01T09:00:00Z"), "{}", dev.ecabot.inventory.AppStatus.ACTIVE));
        }
    }

    @Override
    public void close() {
        org.close();
    }
}
