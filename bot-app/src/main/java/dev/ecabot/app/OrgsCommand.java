package dev.ecabot.app;

import dev.ecabot.config.ConfigException;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.SalesforceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ecabot orgs}: lists the orgs users can pick and checks that the bot can sign in to each. */
@Command(name = "orgs", mixinStandardHelpOptions = true, description = "List the configured orgs (or the built-in demo org) and check the bot's sign-in to each.")
final class OrgsCommand implements Callable<Integer> {

    @ParentCommand
    EcaBotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Services services = new Services(root.settings())) {
            List<String> names = services.orgs().names();
            if (names.isEmpty()) {
                out.println("No org is configured and the demo org is turned off: add an org under orgs in ecabot.yaml"
                        + " (see docs/configuration.md).");
                return 0;
            }
            boolean allOk = true;
            for (String name : names) {
                try {
                    Org org = services.orgs().require(name);
                    String what = org.demo() ? "built-in demo org (in-process emulator)"
                            : org.environment().configName() + ", " + org.loginUrl() + ", " + org.signIn().describe();
                    try {
                        var client = services.clients().forOrg(org);
                        client.checkSignIn();
                        out.println(name + " (" + what + "): sign-in ok, API " + org.apiVersion()
                                + client.apiVersions().latest().map(v -> " (the org serves up to " + v + ")").orElse(""));
                    } catch (SalesforceException e) {
                        allOk = false;
                        out.println(name + " (" + what + "): sign-in FAILED: " + e.getMessage());
                    }
                } catch (SalesforceException e) {
                    allOk = false;
                    out.println(name + ": " + e.getMessage());
                }
            }
            out.flush();
            return allOk ? 0 : 1;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
