package dev.ecabot.settings;

import dev.ecabot.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings a run reads once: from the variables it is given (never the process's), with the documented defaults. */
class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void zeroConfigurationIsTheDataDirectoryAndItsH2File() {
        Settings settings = Settings.load(Map.of());
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.database().usesDataDirectory()).isTrue();
        assertThat(settings.database().embedded()).isTrue();
        assertThat(settings.database().jdbcUrl(Path.of("/srv/bot")))
                .isEqualTo("jdbc:h2:file:/srv/bot/ecabot;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(settings.masterKeyFile()).isEqualTo(Path.of("data", "master.key"));
        assertThat(settings.masterKeyFromEnvironment()).isFalse();
        assertThat(settings.port()).isEqualTo(3000);
        assertThat(settings.config().orgs()).isEmpty();
    }

    @Test
    void variablesNameTheDatabaseDataDirectoryKeyAndPort() {
        Settings settings = Settings.load(Map.of("ECABOT_DATA_DIR", "/var/lib/ecabot", "ECABOT_PORT", " 8080 ",
                "ECABOT_DB_URL", "jdbc:postgresql://db/ecabot", "ECABOT_DB_USER", "bot", "ECABOT_DB_PASSWORD", "s3cret",
                "ECABOT_MASTER_KEY", "a2V5"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/ecabot"));
        assertThat(settings.database().jdbcUrl(settings.dataDir())).isEqualTo("jdbc:postgresql://db/ecabot");
        assertThat(settings.database().embedded()).isFalse();
        assertThat(settings.usesDataDirectory()).isFalse();
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.database().toString()).doesNotContain("s3cret");
    }

    @Test
    void theChatsDataOptionMovesTheDatabaseAndKeyFile() {
        Settings settings = Settings.load(Map.of("ECABOT_DATA_DIR", "elsewhere")).withDataDir(dir);
        assertThat(settings.masterKeyFile()).isEqualTo(dir.resolve("master.key"));
        assertThat(settings.database().jdbcUrl(settings.dataDir())).contains(dir.resolve("ecabot").toString());
    }

    @Test
    void aWrongPortStopsOnlyWhatAsksForIt() {
        Settings settings = Settings.load(Map.of("ECABOT_PORT", "http"));
        assertThatThrownBy(settings::port).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ECABOT_PORT must be a port number from 0 to 65535; got 'http'");
    }

    @Test
    void ecabotYamlIsReadFromTheGivenVariablesAndCheckedOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("bot.yaml"), "approvals:\n  default: 2\n");
        Map<String, String> env = new HashMap<>(Map.of("ECABOT_CONFIG", file.toString()));
        Settings settings = Settings.load(env);
        env.put("ECABOT_CONFIG", "changed-later.yaml"); // the settings were copied: later changes do not leak in
        assertThat(settings.environment()).containsEntry("ECABOT_CONFIG", file.toString());
        assertThat(settings.config().approvals().requiredApprovals("prod", "any")).isEqualTo(2);
        Files.writeString(file, "approval:\n  default: 2\n");
        assertThatThrownBy(() -> Settings.load(Map.of("ECABOT_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean approvals?");
    }
}
