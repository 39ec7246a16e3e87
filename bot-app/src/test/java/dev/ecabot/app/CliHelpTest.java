package dev.ecabot.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of the command line answers {@code --help} with its usage, whatever its required parameters, and
 * refuses what it does not know with exit code 2 (the options every command shares come from one mixin).
 */
class CliHelpTest {

    @Test
    void everyCommandAndSubcommandPrintsItsUsageForHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(EcaBotCommand.commandLine(Map.of()), new ArrayList<>(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c))
                .contains("render", "provision", "orgs", "playbooks", "inventory", "export", "chat", "emulator");

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s --help: %s", command, run).isZero();
            assertThat(run.out()).as("%s --help", command).contains("Usage: ecabot " + String.join(" ", command));
            assertThat(run.err()).as("%s --help", command).isEmpty();
        }
    }

    @Test
    void everyCommandRefusesAnUnknownOptionWithExitTwoAndOneLine() {
        List<List<String>> commands = new ArrayList<>();
        collect(EcaBotCommand.commandLine(Map.of()), new ArrayList<>(), commands);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--no-such-option");
            CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s --no-such-option: %s", command, run).isEqualTo(2);
            // picocli names the first problem it meets: the unknown option, or a required parameter left out.
            assertThat(run.err()).as("%s --no-such-option", command).containsAnyOf("Unknown option: '--no-such-option'",
                    "Missing required").hasLineCount(1).doesNotContain("Exception");
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> into) {
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) continue;
            if (sub.getValue().getCommandSpec().aliases().length > 0
                    && !sub.getKey().equals(sub.getValue().getCommandName())) continue;
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            into.add(next);
            collect(sub.getValue(), next, into);
        }
    }
}
