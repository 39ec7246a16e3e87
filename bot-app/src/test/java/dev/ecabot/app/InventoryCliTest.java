package dev.ecabot.app;

import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.store.Database;
import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ecabot inventory} and {@code ecabot export} read the bot's database like the chat commands. */
class InventoryCliTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private Database db;

    @BeforeEach
    void inventoryWithTwoApps() {
        String url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        env.put("ECABOT_DB_URL", url);
        env.put("ECABOT_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        db = Database.open(url, null, null);
        InventoryAppRepository repo = new InventoryAppRepository(db.dataSource());
        repo.save(app("demo", "Vonage_Eu", "Vonage \"EU\", Prod", "Vonage", "vonage-ai-studio"));
        repo.save(app("uat", "Altify_Mcp", "Altify MCP", "Altify", "altify-mcp"));
    }

    @AfterEach
    void close() {
        db.close();
        dev.ecabot.posture.PosturePolicy.install(new dev.ecabot.posture.PosturePolicy(
                dev.ecabot.posture.PostureRules.shipped(), dev.ecabot.inventory.InventorySettings.defaults()));
    }

    @Test
    void inventoryPrintsATableAndFiltersByOrgAndVendor() {
        CliRun all = CliRun.of(env, "inventory");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.out().lines().toList()).hasSize(3);
        assertThat(all.out()).contains("ORG", "CONSUMER KEY", "Vonage_Eu", "Altify_Mcp", "3MVG9Vonage_Eu", "active");

        assertThat(CliRun.of(env, "inventory", "--org", "uat").out()).contains("Altify_Mcp").doesNotContain("Vonage_Eu");
        assertThat(CliRun.of(env, "inventory", "--vendor", "vonage").out()).contains("Vonage_Eu").doesNotContain("Altify_Mcp");
        assertThat(CliRun.of(env, "inventory", "--org", "prod").out()).contains("No apps in prod");
    }

    @Test
    void exportWritesCsvOrJsonToStdoutOrAFile() throws Exception {
        CliRun csv = CliRun.of(env, "export", "csv", "--org", "demo");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out()).startsWith("org,api_name,label,")
                .contains("demo,Vonage_Eu,\"Vonage \"\"EU\"\", Prod\",vonage-ai-studio").doesNotContain("Altify");

        Path file = dir.resolve("inventory.json");
        CliRun json = CliRun.of(env, "export", "json", "--output", file.toString());
        assertThat(json.out()).contains("Wrote 2 apps to " + file);
        assertThat(Files.readString(file)).contains("\"api_name\" : \"Altify_Mcp\"", "\"settings\"");
    }

    @Test
    void exportGradesWithTheOrgsOwnPostureRulesAsTheChatDoes() throws Exception {
        assertThat(CliRun.of(env, "export", "csv", "--org", "demo").out()).as("the shipped rules")
                .contains("self-authorized-broad-scope").doesNotContain("acme-trusted-ranges");
        Files.createDirectories(dir.resolve("posture"));
        Files.writeString(dir.resolve("posture/rules.yaml"), """
                rules:
                  - id: self-authorized-broad-scope
                    enabled: false
                    severity: low
                    setting: x
                    when: [ { fact: permitted_users, equals: AllSelfAuthorized } ]
                    finding: x
                    why: x
                    source: x
                    fix: x
                  - id: acme-trusted-ranges
                    severity: medium
                    setting: Settings > Trusted IP Ranges
                    when: [ { fact: trusted_ip_ranges, is_missing: true } ]
                    finding: No trusted IP range.
                    why: Our security team asks for one.
                    source: ACME policy SEC-12
                    fix: Add the vendor's ranges.
                """);
        env.put("ECABOT_PLAYBOOKS_DIR", dir.toString());

        CliRun csv = CliRun.of(env, "export", "csv", "--org", "demo");

        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out()).contains("acme-trusted-ranges").doesNotContain("self-authorized-broad-scope");

        Files.writeString(dir.resolve("posture/rules.yaml"), "rules:\n  - id: Bad Id\n    severity: critical\n");
        CliRun broken = CliRun.of(env, "export", "csv");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("rules.yaml", "severity");
    }

    @Test
    void anUnknownFormatIsRefusedWithTheChoices() {
        CliRun run = CliRun.of(env, "export", "xml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'xml' is not a format; use csv or json");
    }

    private static InventoryApp app(String org, String apiName, String label, String vendor, String playbook) {
        return new InventoryApp(null, org, apiName, label, null, playbook, vendor, "slack:U1", null, "ops@example.com",
                "3MVG9" + apiName, Instant.parse("2026-03-01T09:00:00Z"), SettingsJson.write(SampleSpecs.vonage(apiName)),
                AppStatus.ACTIVE);
    }
}
