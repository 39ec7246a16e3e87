package dev.ecabot.app;

import dev.ecabot.app.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ecabot} command line: {@code java -jar bot-app/target/ecabot.jar [command]}.
 * With no command it starts the terminal chat against the embedded defaults.
 * Exit codes: 0 success, 1 a failure outside the user's input (Salesforce, I/O), 2 invalid input.
 */
@Command(name = "ecabot",
        mixinStandardHelpOptions = true,
        versionProvider = EcaBotCommand.Version.class,
        description = "ECA bot: provisions Salesforce External Client Apps from vendor playbooks.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ServeCommand.class,
        })
public final class EcaBotCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, with ecabot's exit codes; tests run commands through this too. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EcaBotCommand());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EcaBotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ecabot " + (v == null ? "development build" : v)};
        }
    }
}
