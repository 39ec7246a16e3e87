package dev.ecabot.app;

import dev.ecabot.teams.TeamsAppPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ecabot teams-package}: writes the Teams app package (the zip to upload to Teams) for this deployment, with
 * its bot app id and a manifest id of its own (see {@link TeamsAppPackage}).
 */
@Command(name = "teams-package", mixinStandardHelpOptions = true,
        description = "Write the Teams app package (zip) for this deployment, from MICROSOFT_APP_ID (and optionally"
                + " TEAMS_APP_ID, TEAMS_APP_NAME).")
final class TeamsPackageCommand implements Callable<Integer> {

    @ParentCommand
    EcaBotCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "ecabot-teams.zip", description = "Where to write the zip (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        TeamsAppPackage app = TeamsAppPackage.fromEnvironment(root.environment()); // a wrong setting: exit 2, its message
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(out, app.zip());
        spec.commandLine().getOut().println("Wrote " + out + " (Teams app id " + app.manifestId() + "). Upload it in Teams:"
                + " Apps > Manage your apps > Upload an app.");
        return 0;
    }
}
