package dev.ecabot.app.cli;

import java.util.Map;

/** The root command: where every command reads its settings (ECABOT_CONFIG, ECABOT_DB_URL, client secrets...). */
public interface CommandEnvironment {

    Map<String, String> environment();
}
