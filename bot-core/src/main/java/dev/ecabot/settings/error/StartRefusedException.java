package dev.ecabot.settings.error;

/**
 * The bot refuses to start as set up (a data folder others can read, a master key that does not open the vault):
 * the message says what is wrong and how to fix it, in one line, for whoever runs the bot. Commands exit with 2.
 */
public class StartRefusedException extends IllegalStateException {
    public StartRefusedException(String message) {
        super(message);
    }
}
