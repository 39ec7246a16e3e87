package dev.ecabot.app;

import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookLoadException;
import dev.ecabot.app.cli.CommonOptions;
import dev.ecabot.app.cli.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code ecabot playbooks}: the playbooks the bot knows (shipped plus ECABOT_PLAYBOOKS_DIR), one line each with id,
 * vendor and title; {@code ecabot playbooks show <id>} lists one playbook's questions. Broken playbook files: exit 2
 * with one line per problem.
 */
@Command(name = "playbooks", description = "List the playbooks: id, vendor and title.",
        subcommands = PlaybookShowCommand.class)
final class PlaybooksCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        PlaybookCatalog catalog = load(cli.environment(), cli.err());
        int idWidth = Math.max("ID".length(), catalog.all().stream().mapToInt(p -> p.id().length()).max().orElse(0));
        int vendorWidth = Math.max("VENDOR".length(), catalog.all().stream().mapToInt(p -> p.vendor().length()).max().orElse(0));
        String format = "%-" + idWidth + "s  %-" + vendorWidth + "s  %s%n";
        out.printf(format, "ID", "VENDOR", "TITLE");
        for (Playbook p : catalog.all()) out.printf(format, p.id(), p.vendor(), p.title());
        out.flush();
        return 0;
    }

    /**
     * The catalog; broken playbook files are printed one problem a line on {@code err} and refused as invalid input
     * (exit {@value dev.ecabot.app.cli.ExitCodes#INVALID_INPUT}, no further message).
     */
    static PlaybookCatalog load(java.util.Map<String, String> environment, PrintWriter err) {
        try {
            return PlaybookCatalog.load(environment);
        } catch (PlaybookLoadException e) {
            e.problems().forEach(err::println);
            err.flush();
            throw new InvalidInputException("");
        }
    }
}
