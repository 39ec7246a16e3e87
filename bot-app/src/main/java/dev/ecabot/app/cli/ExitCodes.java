package dev.ecabot.app.cli;

import dev.ecabot.config.ConfigException;
import dev.ecabot.settings.error.InvalidSettingException;
import dev.ecabot.settings.error.StartRefusedException;
import dev.ecabot.playbook.PlaybookLoadException;
import dev.ecabot.posture.PostureRulesException;
import dev.ecabot.provisioning.ProvisioningException;
import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.salesforce.UnknownOrgException;
import dev.ecabot.store.DatabaseUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.util.List;

/**
 * The one home of {@code ecabot}'s exit codes, by the type of what went wrong: {@value #OK} success,
 * {@value #FAILED} a failure outside the user's input (Salesforce, the database, I/O), {@value #INVALID_INPUT}
 * invalid input (an argument, a setting, the configuration file, a playbook, an org name, a refused provisioning
 * request). For those and for an unreachable database or a failed provisioning run the user sees the exception's
 * message alone, never a stack trace. Commands throw typed exceptions; they do not print and pick a number themselves.
 * Any other exception is a bug: picocli prints its stack trace and the exit is {@value #FAILED}.
 */
public final class ExitCodes implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_INPUT = 2;

    /**
     * Whoever runs the bot can fix it from the message alone. Only these types: every check of what the user gave
     * (arguments, environment variables, ecabot.yaml and its sections, durations, the master key, the database URL,
     * the port) throws one of them, so a plain {@link IllegalArgumentException} is a bug and shows its stack trace.
     */
    private static final List<Class<? extends Throwable>> INVALID = List.of(ParameterException.class,
            InvalidInputException.class, InvalidSettingException.class, ConfigException.class, PlaybookLoadException.class,
            PostureRulesException.class, StartRefusedException.class, UnknownOrgException.class);

    /** Outside the user's input, but the message says all there is to say. */
    private static final List<Class<? extends Throwable>> EXPLAINED_FAILURES = List.of(DatabaseUnavailableException.class,
            SalesforceException.class, ProvisioningException.class);

    /** Installs the exit codes and the error printing on {@code cli} and its subcommands. */
    public static CommandLine installOn(CommandLine cli) {
        ExitCodes codes = new ExitCodes();
        return cli.setExitCodeExceptionMapper(codes).setParameterExceptionHandler(codes).setExecutionExceptionHandler(codes);
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof ProvisioningException p) return p.invalidInput() ? INVALID_INPUT : FAILED;
        return isAny(exception, INVALID) ? INVALID_INPUT : FAILED;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        e.getCommandLine().getErr().println(e.getMessage());
        e.getCommandLine().getErr().flush();
        return getExitCode(e);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) throws Exception {
        if (!isAny(e, INVALID) && !isAny(e, EXPLAINED_FAILURES)) throw e; // a bug: picocli prints the stack trace, exit 1
        if (e.getMessage() != null && !e.getMessage().isEmpty()) commandLine.getErr().println(e.getMessage());
        commandLine.getErr().flush();
        return getExitCode(e);
    }

    private static boolean isAny(Throwable e, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(e));
    }
}
