package dev.ecabot.app;

import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.settings.ProcessEnvironment;
import dev.ecabot.settings.Settings;
import dev.ecabot.app.cli.CommandEnvironment;
import dev.ecabot.app.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code ecabot} command line: {@code java -jar bot-app/target/ecabot.jar [command]}.
 * With no command it starts the terminal chat against the embedded defaults.
 * Exit codes ({@link ExitCodes}): 0 success, 1 a failure outside the user's input (Salesforce, I/O), 2 invalid input.
 * Every command shares its help, version and environment through the {@link dev.ecabot.app.cli.CommonOptions} mixin.
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
public final class EcaBotCommand implements Callable<Integer>, CommandEnvironment {

    @Spec
    CommandSpec spec;

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
        return ExitCodes.installOn(new CommandLine(new EcaBotCommand(environment)));
    }

    /** The environment variables commands read their settings from. */
    @Override
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
    public Integer call() {
        return spec.subcommands().get("chat").execute();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EcaBotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ecabot " + (v == null ? "development build" : v)};
        }
    }
}
