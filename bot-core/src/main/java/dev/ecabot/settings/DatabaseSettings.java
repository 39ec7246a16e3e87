package dev.ecabot.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which database the bot uses: {@code ECABOT_DB_URL} with {@code ECABOT_DB_USER} and {@code ECABOT_DB_PASSWORD}
 * (PostgreSQL in production), else the embedded H2 file {@code ecabot} in the data directory.
 *
 * @param url the configured JDBC URL, or null for the embedded default
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL_VARIABLE = "ECABOT_DB_URL";

    @Override
    public String toString() { // never the password
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }

    static DatabaseSettings from(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        return new DatabaseSettings(url == null || url.isBlank() ? null : url.strip(),
                env.get("ECABOT_DB_USER"), env.get("ECABOT_DB_PASSWORD"));
    }

    /** No URL is configured: the H2 file under the data directory. */
    public boolean usesDataDirectory() {
        return url == null;
    }

    /** The JDBC URL to open: the configured one, or the H2 file {@code ecabot} in {@code dataDir}. */
    public String jdbcUrl(Path dataDir) {
        return url != null ? url : "jdbc:h2:file:" + dataDir.resolve("ecabot").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** An embedded H2 database (the default, or an H2 file URL): only one process at a time can have it open. */
    public boolean embedded() {
        return url == null || url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~");
    }
}
