package dev.ecabot.conversation.command.inventory;

import dev.ecabot.report.InventoryReport;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventoryExport;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/** {@code export csv|json [org]}: the inventory as a file for the teams that track ECAs (keys, never secrets). */
public final class ExportCommand implements ChatCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final InventoryAppRepository inventory;
    private final OrgDirectory orgs;
    private final Clock clock;

    public ExportCommand(InventoryAppRepository inventory, OrgDirectory orgs, Clock clock) {
        this.inventory = inventory;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** Records every export in {@code trail} (who, which org, how many apps). */
    public ExportCommand audited(dev.ecabot.audit.AuditTrail trail) {
        this.audit = trail;
        return this;
    }

    private dev.ecabot.audit.AuditTrail audit;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export csv|json [org]";
    }

    @Override
    public String summary() {
        return "the inventory as a CSV or JSON file (consumer keys, never secrets)";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        Optional<InventoryExport.Format> format = words.isEmpty() ? Optional.empty() : InventoryExport.Format.named(words.get(0));
        if (format.isEmpty() || words.size() > 2) {
            call.replies().warn("Say \"export csv\" or \"export json\" (add an org to export only its apps, e.g. \"export csv demo\").");
            return;
        }
        String org = null;
        if (words.size() == 2) {
            Optional<String> named = orgs.find(words.get(1));
            if (named.isEmpty()) {
                call.replies().warn("There is no org called \"" + words.get(1) + "\"; the orgs are: "
                        + String.join(", ", orgs.names()) + ".");
                return;
            }
            org = named.get();
        }
        String scope = org == null ? "all orgs" : org;
        String fileName = "ecabot-inventory-" + (org == null ? "" : org + "-")
                + STAMP.format(clock.instant()) + "." + format.get().extension();
        // Row by row from the database cursor to the file's text: the apps are never all held at once.
        Function<InventoryApp, Map<String, String>> extras = new InventoryReport(inventory.dataSource(), clock).perApp();
        int[] count = {0};
        String scoped = org;
        String content = InventoryExport.write(format.get(), InventoryReport.COLUMNS, sink -> inventory.forEach(scoped, app -> {
            sink.add(app, extras.apply(app));
            count[0]++;
        }));
        int apps = count[0];
        if (audit != null) {
            audit.record(dev.ecabot.audit.AuditEvent.of(clock.instant(), dev.ecabot.audit.AuditKind.EXPORT,
                    call.event().user().ref(), org,
                    null, "exported " + apps + " app(s) of " + scope + " as " + format.get().extension()
                            + " in chat (consumer keys, no secrets)"));
        }
        call.replies().send(new FileMessage(fileName, format.get().mediaType(), content,
                "Inventory export (" + scope + "): " + apps + " app" + (apps == 1 ? "" : "s")
                        + ", consumer keys only (no secrets)."));
    }
}
