package dev.ecabot.app.cli;

import dev.ecabot.settings.Settings;

import java.util.Map;

/** The root command: where every command reads its settings (ECABOT_CONFIG, ECABOT_DB_URL, client secrets...). */
public interface CommandEnvironment {

    Map<String, String> environment();

    /** The settings of this run, read once (the environment and ecabot.yaml) and shared by every command. */
    Settings settings();
}
