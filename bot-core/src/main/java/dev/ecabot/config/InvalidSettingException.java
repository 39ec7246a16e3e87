package dev.ecabot.config;

/**
 * A setting from the environment (or a file it names) is missing or wrong; the message names the setting and how to
 * fix it, so it can be shown as it is to whoever runs the bot. The command line answers it with exit code 2.
 * An {@link IllegalArgumentException}, so callers that catch those keep working.
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
