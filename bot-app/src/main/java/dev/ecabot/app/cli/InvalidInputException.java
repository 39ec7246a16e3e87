package dev.ecabot.app.cli;

/**
 * A command was asked for something it cannot do as asked (nothing to serve, a playbook's answers refused...); the
 * message says what to change. {@link ExitCodes} prints it and exits {@value ExitCodes#INVALID_INPUT}. An empty
 * message means the command already printed the details (e.g. one line per problem).
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
