package dev.ecabot.app;

import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.playbook.Outcome;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookLoadException;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.PlannedReminder;
import dev.ecabot.playbook.Problem;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.app.cli.CommonOptions;
import dev.ecabot.app.cli.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ecabot render <playbook-id> --set key=value ... [--answers file.yaml] --out <dir>}: renders a playbook with
 * the answers and writes the Metadata API deploy folder {@code <dir>} and {@code <dir>.zip} (deployable with
 * {@code sf project deploy start --metadata-dir <dir>}). Needs no org. An unknown playbook, a missing or invalid
 * answer, or an output that already exists: exit 2, one line per problem naming the question, nothing written.
 */
@Command(name = "render", description = "Write the deployable metadata of a playbook's app, without deploying it.")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Parameters(index = "0", paramLabel = "<playbook-id>", description = "The playbook to follow (see `ecabot playbooks`).")
    String playbookId;

    @Option(names = "--set", paramLabel = "key=value", description = "An answer to one of the playbook's questions; repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--answers", paramLabel = "<file.yaml>", description = "Answers in a YAML file (question id: answer); --set wins.")
    Path answersFile;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "New folder to write; <dir>.zip is written beside it.")
    Path out;

    @Option(names = "--api-version", paramLabel = "<version>", description = "package.xml API version (default: ${DEFAULT-VALUE}).")
    String apiVersion = EcaMetadataWriter.DEFAULT_API_VERSION;

    @Override
    public Integer call() {
        PrintWriter stdout = cli.out();
        PrintWriter err = cli.err();
        PlaybookCatalog catalog;
        try {
            catalog = PlaybooksCommand.load(cli.environment(), err);
        } catch (PlaybookLoadException e) {
            return 2;
        }
        Optional<Playbook> playbook = catalog.find(playbookId);
        if (playbook.isEmpty()) throw new InvalidInputException(PlaybookShowCommand.unknownPlaybook(playbookId, catalog));

        EcaMetadataWriter writer;
        Map<String, String> answers = new LinkedHashMap<>();
        try {
            writer = new EcaMetadataWriter(apiVersion, MetadataFormat.METADATA_API);
            if (answersFile != null) answers.putAll(AnswersFile.read(answersFile));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        answers.putAll(set);

        Outcome<Rendering> outcome = new PlaybookRenderer().render(playbook.get(), answers);
        if (!outcome.isOk()) {
            outcome.problems().stream().map(Problem::toString).forEach(err::println);
            err.flush();
            return 2;
        }
        Path zip = out.resolveSibling(out.getFileName() + ".zip");
        String clash = clash(out, zip);
        if (clash != null) throw new InvalidInputException(clash);

        Rendering rendering = outcome.orElseThrow();
        MetadataPackage pkg = writer.write(rendering.spec());
        try {
            pkg.writeTo(out);
            pkg.writeZip(zip);
        } catch (RuntimeException e) {
            err.println("could not write " + out + " or " + zip + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        report(stdout, rendering, zip);
        return 0;
    }

    /** Why the output cannot be written (it exists and is not an empty folder), or null when it can. */
    private String clash(Path dir, Path zip) {
        if (Files.exists(zip)) return "--out: " + zip + " already exists; remove it or choose another --out";
        if (!Files.exists(dir)) return null;
        if (!Files.isDirectory(dir)) return "--out: " + dir + " is a file; give a folder that does not exist yet";
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent() ? "--out: " + dir + " is not empty; remove it or choose another --out" : null;
        } catch (IOException e) {
            return "--out: " + dir + " cannot be read (" + e.getMessage() + ")";
        }
    }

    private void report(PrintWriter stdout, Rendering r, Path zip) {
        stdout.println("Wrote " + out + " and " + zip + " for " + r.spec().app().label() + " (" + r.spec().apiName()
                + "), Metadata API version " + apiVersion + ".");
        stdout.println("Deploy with: sf project deploy start --metadata-dir " + out);
        stdout.println("Delivers: " + (r.delivery().includesSecret() ? "consumer key and secret" : "consumer key only")
                + (r.activationDelay().isZero() ? "" : "; usable after up to " + r.activationDelay().toMinutes() + " minutes"));
        section(stdout, "Warnings", r.warnings().stream());
        section(stdout, "Manual steps for the admin", r.manualSteps().stream());
        section(stdout, "Next steps for the requester", r.nextSteps().stream());
        section(stdout, "Reminders", r.reminders().stream().map(RenderCommand::reminder));
        stdout.flush();
    }

    private static String reminder(PlannedReminder r) {
        String when = dev.ecabot.duration.HumanTime.duration(r.after()) + " after creation";
        if (r.notice() != null) when += " (" + dev.ecabot.duration.HumanTime.duration(r.notice())
                + " before the refresh tokens issued then expire)";
        return when + ": " + r.text();
    }

    private static void section(PrintWriter out, String title, Stream<String> lines) {
        var all = lines.toList();
        if (all.isEmpty()) return;
        out.println(title + ":");
        all.forEach(line -> out.println("  - " + line));
    }
}
