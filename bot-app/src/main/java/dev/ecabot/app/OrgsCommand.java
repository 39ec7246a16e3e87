package dev.ecabot.app;

import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ecabot orgs}: lists the orgs users can pick and checks that the bot can sign in to each. */
@Command(name = "orgs", description = "List the configured orgs (or the built-in demo org) and check the bot's sign-in to each.")
final class OrgsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        try (Services services = new Services(cli.settings())) {
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
        }
    }
}
