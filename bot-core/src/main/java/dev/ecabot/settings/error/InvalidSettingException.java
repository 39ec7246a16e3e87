package dev.ecabot.settings.error;

/**
 * A setting is missing or wrong: an environment variable (or a file it names), a value in a section of
 * {@code ecabot.yaml}, a duration, the master key, the database URL, the port. The message names the setting and how to
 * fix it, so it can be shown as it is to whoever runs the bot; the command line answers it with exit code 2 and no
 * stack trace. It lives in a package of its own that depends on nothing, so every package that checks a setting
 * (config, store, vault, reminders, the durations, the chat adapters...) can throw it without a dependency cycle.
 * An {@link IllegalArgumentException}, so callers that catch those keep working; a plain
 * {@code IllegalArgumentException} is a bug (exit 1 with its stack trace).
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
