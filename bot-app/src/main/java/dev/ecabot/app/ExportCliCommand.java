package dev.ecabot.app;

import dev.ecabot.report.InventoryReport;

import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryExport;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ecabot export csv|json [--org ORG] [--output FILE]}: the inventory as a file (keys, never secrets), graded
 * by the same posture rules as the chat (the admin's {@code posture/rules.yaml} under ECABOT_PLAYBOOKS_DIR too).
 */
@Command(name = "export", description = "Write the inventory as CSV or JSON (consumer keys, never secrets) to stdout or a file.")
final class ExportCliCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Parameters(index = "0", paramLabel = "csv|json", description = "The format: ${COMPLETION-CANDIDATES}.",
            converter = FormatConverter.class, completionCandidates = Formats.class)
    InventoryExport.Format format;

    @Option(names = "--org", description = "Only this org's apps.")
    String org;

    @Option(names = {"-o", "--output"}, description = "Write to this file instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        PrintWriter err = cli.err();
        try (Services services = new Services(cli.settings())) {
            services.installPosturePolicy(); // the org's rules, as the chat's export grades
            List<InventoryApp> apps = services.inventory().all().stream()
                    .filter(a -> org == null || a.org().equalsIgnoreCase(org)).toList();
            String content = InventoryExport.write(apps, format, InventoryReport.COLUMNS,
                    new InventoryReport(services.inventory().dataSource(), java.time.Clock.systemUTC()).columns(apps));
            new dev.ecabot.audit.AuditTrail(services.database().dataSource()).record(dev.ecabot.audit.AuditEvent.of(
                    java.time.Instant.now(), dev.ecabot.audit.AuditKind.EXPORT, null, org, null, "exported " + apps.size()
                            + " app(s) of " + (org == null ? "all orgs" : org) + " as " + format.extension()
                            + " on the command line by OS user " + System.getProperty("user.name", "?")
                            + (output == null ? "" : " to " + output.toAbsolutePath())));
            if (output == null) {
                out.print(content);
            } else {
                Files.writeString(output, content);
                out.println("Wrote " + apps.size() + " app" + (apps.size() == 1 ? "" : "s") + " to " + output);
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("Could not write " + output + ": " + e.getMessage());
            return 1;
        }
    }

    /** "csv" or "json", any case; anything else is refused with the choices (exit 2). */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<InventoryExport.Format> {
        @Override
        public InventoryExport.Format convert(String value) {
            return InventoryExport.Format.named(value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use csv or json"));
        }
    }

    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(List.of("csv", "json"));
        }
    }
}
