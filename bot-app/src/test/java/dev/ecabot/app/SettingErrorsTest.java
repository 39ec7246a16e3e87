package dev.ecabot.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong setting, in the environment or in a section of ecabot.yaml, is the user's to fix: the command prints its
 * message alone (no stack trace) and exits 2, whichever package checked it.
 */
class SettingErrorsTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private Path config;

    @BeforeEach
    void aValidSetUp() throws Exception {
        config = dir.resolve("ecabot.yaml");
        Files.writeString(config, "demoOrg: true\n");
        env.put("ECABOT_CONFIG", config.toString());
        env.put("ECABOT_DATA_DIR", dir.resolve("data").toString());
    }

    @Test
    void aDurationThatIsNoneNamesTheFileAndTheKey() throws Exception {
        Files.writeString(config, "approvals:\n  expiry: soon\n");
        assertRefused(CliRun.of(env, "orgs"), config + ": approvals: approvals.expiry must be a duration like 24h, 90m,"
                + " 7d, 45s or PT24H; got 'soon'");
    }

    @Test
    void aMasterKeyThatIsNotBase64SaysHowToMakeOne() {
        env.put("ECABOT_MASTER_KEY", "not-a-key");
        assertRefused(CliRun.of(env, "chat", "--data", dir.resolve("data").toString()), "ECABOT_MASTER_KEY is not valid"
                + " base64. It must be the base64 of 32 random bytes; make one with `openssl rand -base64 32`.");
    }

    @Test
    void aPortThatIsNoneStopsServe() {
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-abc");
        env.put("SLACK_SIGNING_SECRET", "0f9e8d7c6b5a49382716a5b4c3d2e1f0");
        env.put("ECABOT_PORT", "http");
        assertRefused(CliRun.of(env, "serve"), "ECABOT_PORT must be a port number from 0 to 65535; got 'http'");
    }

    @Test
    void aDatabaseOtherThanH2OrPostgresqlIsRefused() {
        env.put("ECABOT_DB_URL", "jdbc:mysql://db:3306/ecabot");
        assertRefused(CliRun.of(env, "inventory"), "ECABOT_DB_URL must be an H2 (jdbc:h2:...) or PostgreSQL"
                + " (jdbc:postgresql://host:5432/db) URL; got one starting with 'jdbc:mysql://db:'");
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().strip()).as(run.toString()).isEqualTo(message);
    }
}
