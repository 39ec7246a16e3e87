package dev.ecabot.app.cli;

import dev.ecabot.settings.ProcessEnvironment;
import dev.ecabot.settings.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What every {@code ecabot} command shares, as a picocli {@code @Mixin}: {@code -h/--help}, {@code -V/--version},
 * the environment the root command carries, and the command's output and error streams. A command declares
 * {@code @Mixin CommonOptions cli;} instead of a {@code @ParentCommand} to the root and its own {@code @Spec}.
 */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    private boolean version;

    /** The settings the root command was given; the process environment when the command runs on its own. */
    public Map<String, String> environment() {
        return spec.root().userObject() instanceof CommandEnvironment root ? root.environment() : ProcessEnvironment.variables();
    }

    /**
     * The settings of this run, shared through the root command (read the first time a command asks, so help and the
     * emulator are not stopped by a broken ecabot.yaml); read afresh when the command runs on its own.
     */
    public Settings settings() {
        return spec.root().userObject() instanceof CommandEnvironment root ? root.settings() : Settings.load(environment());
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command this mixin is part of (for usage and for {@code ParameterException}s). */
    public CommandSpec spec() {
        return spec;
    }
}
