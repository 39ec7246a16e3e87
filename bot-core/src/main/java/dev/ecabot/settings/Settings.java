package dev.ecabot.settings;

import dev.ecabot.config.ConfigLoader;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.settings.error.InvalidSettingException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the bot is configured with, read once when a command starts and passed down, never re-read: the
 * environment variables (the command line's map, not the process's, so tests and embedders can set their own),
 * {@code ecabot.yaml} parsed and validated ({@link #config()}), the data directory (ECABOT_DATA_DIR, default
 * {@code ./data}, or the chat's {@code --data}) and the database. Values only some commands need (the HTTP port for
 * {@code serve}) are read by methods, so a wrong one stops only the command that uses it. Immutable.
 *
 * @param environment the environment variables the settings come from; platform adapters read their own from it
 */
public record Settings(Map<String, String> environment, EcabotConfig config, Path dataDir, DatabaseSettings database) {

    public static final String DATA_DIR_VARIABLE = "ECABOT_DATA_DIR";
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String PORT_VARIABLE = "ECABOT_PORT";
    public static final int DEFAULT_PORT = 3000;
    /** The master key's variable (base64 of 32 bytes); without it, {@link #masterKeyFile()} holds the key. */
    public static final String MASTER_KEY_VARIABLE = "ECABOT_MASTER_KEY";

    public Settings {
        environment = Map.copyOf(environment);
    }

    /**
     * Reads the settings of {@code environment}: parses and validates ecabot.yaml (ECABOT_CONFIG, else ./ecabot.yaml).
     *
     * @throws dev.ecabot.config.ConfigException naming the file and key when ecabot.yaml is wrong
     */
    public static Settings load(Map<String, String> environment) {
        return of(environment, ConfigLoader.fromEnvironment(environment));
    }

    /** The settings of {@code environment} with an already loaded configuration. */
    public static Settings of(Map<String, String> environment, EcabotConfig config) {
        return new Settings(environment, config, dataDirOf(environment), DatabaseSettings.from(environment));
    }

    /** The same settings with the data directory {@code dir} (the terminal chat's {@code --data}). */
    public Settings withDataDir(Path dir) {
        return new Settings(environment, config, dir, database);
    }

    /** The variable {@code name}, stripped, when it is set and not blank. */
    public Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Whether the master key comes from ECABOT_MASTER_KEY rather than the key file. */
    public boolean masterKeyFromEnvironment() {
        return variable(MASTER_KEY_VARIABLE).isPresent();
    }

    /** The master key file in the data directory, used when ECABOT_MASTER_KEY is not set. */
    public Path masterKeyFile() {
        return dataDir.resolve("master.key");
    }

    /** Whether the data directory holds anything of this bot's (the H2 database or the key file). */
    public boolean usesDataDirectory() {
        return database.usesDataDirectory() || !masterKeyFromEnvironment();
    }

    /**
     * The HTTP port {@code serve} listens on: ECABOT_PORT, default 3000.
     *
     * @throws InvalidSettingException when ECABOT_PORT is not a port number
     */
    public int port() {
        Optional<String> value = variable(PORT_VARIABLE);
        if (value.isEmpty()) return DEFAULT_PORT;
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidSettingException(PORT_VARIABLE + " must be a port number from 0 to 65535; got '"
                + environment.get(PORT_VARIABLE) + "'");
    }

    private static Path dataDirOf(Map<String, String> env) {
        String dir = env.get(DATA_DIR_VARIABLE);
        return dir == null || dir.isBlank() ? DEFAULT_DATA_DIR : Path.of(dir);
    }
}
