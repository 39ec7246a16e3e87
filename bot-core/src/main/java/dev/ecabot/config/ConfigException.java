package dev.ecabot.config;

import java.nio.file.Path;

/**
 * The configuration file is wrong. The message names the file, the key path (e.g. {@code orgs[1].auth.username}),
 * what is wrong and how to fix it, so it can be shown to whoever runs the bot as it is.
 */
public final class ConfigException extends RuntimeException {

    private final String keyPath;

    public ConfigException(Path file, String keyPath, String problem) {
        super(file + (keyPath.isEmpty() ? "" : ": " + keyPath) + ": " + problem);
        this.keyPath = keyPath;
    }

    /** Where in the file the problem is; empty for the file as a whole. */
    public String keyPath() {
        return keyPath;
    }
}
