package dev.ecabot.settings;

import java.util.Map;

/**
 * The process's environment variables, read in this one place (an ArchUnit test keeps {@code System.getenv} out of
 * every other package): {@code main} reads them once into {@link Settings}, and everything else is handed the map,
 * so a test or an embedding process can run the bot with variables of its own.
 */
public final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    /** An immutable copy of this process's environment variables. */
    public static Map<String, String> variables() {
        return Map.copyOf(System.getenv());
    }
}
