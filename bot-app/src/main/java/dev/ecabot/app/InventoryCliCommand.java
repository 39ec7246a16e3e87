package dev.ecabot.app;

import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ecabot inventory [--org ORG] [--vendor VENDOR]}: the inventory as a table, as the chat command shows it. */
@Command(name = "inventory", description = "List the External Client Apps the bot made or imported (keys, never secrets).")
final class InventoryCliCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Option(names = "--org", description = "Only this org's apps.")
    String org;

    @Option(names = "--vendor", description = "Only this vendor's apps (vendor name or playbook id).")
    String vendor;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        try (Services services = new Services(cli.settings())) {
            List<InventoryApp> apps = services.inventory().all().stream()
                    .filter(a -> org == null || a.org().equalsIgnoreCase(org))
                    .filter(a -> vendor == null || vendor.equalsIgnoreCase(a.vendor()) || vendor.equalsIgnoreCase(a.playbookId()))
                    .toList();
            if (apps.isEmpty()) {
                out.println("No apps" + (org == null ? "" : " in " + org) + (vendor == null ? "" : " for " + vendor)
                        + " in the inventory.");
            } else {
                out.print(table(apps));
            }
            out.flush();
            return 0;
        }
    }

    /** Columns padded to their widest value, one app per line. */
    static String table(List<InventoryApp> apps) {
        String[] header = {"ORG", "API NAME", "LABEL", "PLAYBOOK", "VENDOR", "REQUESTER", "APPROVER", "CONTACT",
                "CONSUMER KEY", "CREATED", "STATUS"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(header);
        for (InventoryApp a : apps) {
            rows.add(new String[] {a.org(), a.apiName(), a.label(), a.playbookOrUnknown(), dash(a.vendor()),
                    dash(a.requester()), dash(a.approver()), dash(a.contactEmail()), dash(a.consumerKey()),
                    a.createdAt().toString(), a.status().label()});
        }
        int[] width = new int[header.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) line.append(String.format("%-" + width[i] + "s", r[i])).append("  ");
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
