package dev.ecabot.app;

import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.settings.ProcessEnvironment;
import dev.ecabot.settings.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.concurrent.Callable;

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
                AuditCliCommand.class,
                EmulatorCommand.class,
                ExportCliCommand.class,
                InventoryCliCommand.class,
                OrgsCommand.class,
                PlaybooksCommand.class,
                ProvisionCommand.class,
                RenderCommand.class,
                TerminalChatCommand.class,
                ServeCommand.class,
                StatusCommand.class,
                TeamsPackageCommand.class,
        })
public final class EcaBotCommand implements Callable<Integer> {

    private final Map<String, String> environment;
    private Settings settings;

    private EcaBotCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, with ecabot's exit codes; tests run commands through this too. */
    public static CommandLine commandLine() {
        return commandLine(ProcessEnvironment.variables());
    }

    /** The command tree reading its settings (ECABOT_CONFIG, ECABOT_DB_URL, client secrets...) from {@code environment}. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new EcaBotCommand(environment));
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            return 2;
        });
        // A configuration mistake found by any command (chat included) is one precise line and exit 2, never a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (isConfigurationError(e)) {
                commandLine.getErr().println(e.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            if (e instanceof dev.ecabot.store.DatabaseUnavailableException) { // outside the user's input: exit 1
                commandLine.getErr().println(e.getMessage());
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /** Whoever runs the bot can fix it from the message alone: a wrong setting, file or key. */
    static boolean isConfigurationError(Throwable e) {
        return e instanceof dev.ecabot.config.ConfigException || e instanceof dev.ecabot.playbook.PlaybookLoadException
                || e instanceof dev.ecabot.config.StartRefusedException || e instanceof IllegalArgumentException;
    }

    /** The environment variables commands read their settings from. */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * The settings of this run (the environment and ecabot.yaml), read the first time a command asks and then shared,
     * so a command that needs no configuration (help, the emulator) is not stopped by a broken ecabot.yaml.
     *
     * @throws dev.ecabot.config.ConfigException naming the file and key when ecabot.yaml is wrong
     */
    public synchronized Settings settings() {
        if (settings == null) settings = Settings.load(environment);
        return settings;
    }

    /** No command: the terminal chat, as {@code ecabot chat} with its defaults. */
    @Override
    public Integer call() throws Exception {
        TerminalChatCommand chat = new TerminalChatCommand();
        chat.parent = this;
        return chat.call();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EcaBotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ecabot " + (v == null ? "development build" : v)};
        }
    }
}
