package dev.ecabot.app;

import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code ecabot playbooks}: the playbooks the bot knows (shipped plus ECABOT_PLAYBOOKS_DIR), one line each with id,
 * vendor and title; {@code ecabot playbooks show <id>} lists one playbook's questions. Broken playbook files: exit 2
 * with one line per problem.
 */
@Command(name = "playbooks", mixinStandardHelpOptions = true, description = "List the playbooks: id, vendor and title.",
        subcommands = PlaybookShowCommand.class)
final class PlaybooksCommand implements Callable<Integer> {

    @ParentCommand
    EcaBotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlaybookCatalog catalog;
        try {
            catalog = load(root, spec.commandLine().getErr());
        } catch (PlaybookLoadException e) {
            return 2;
        }
        int idWidth = Math.max("ID".length(), catalog.all().stream().mapToInt(p -> p.id().length()).max().orElse(0));
        int vendorWidth = Math.max("VENDOR".length(), catalog.all().stream().mapToInt(p -> p.vendor().length()).max().orElse(0));
        String format = "%-" + idWidth + "s  %-" + vendorWidth + "s  %s%n";
        out.printf(format, "ID", "VENDOR", "TITLE");
        for (Playbook p : catalog.all()) out.printf(format, p.id(), p.vendor(), p.title());
        out.flush();
        return 0;
    }

    /** The catalog, or the load problems printed one per line on {@code err} (then rethrown). */
    static PlaybookCatalog load(EcaBotCommand root, PrintWriter err) {
        try {
            return PlaybookCatalog.load(root.environment());
        } catch (PlaybookLoadException e) {
            e.problems().forEach(err::println);
            err.flush();
            throw e;
        }
    }
}
