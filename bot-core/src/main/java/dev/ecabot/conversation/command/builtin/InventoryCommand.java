package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.message.Person;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.ListPage;
import dev.ecabot.conversation.command.inventory.UtcTime;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.AppFilter;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;

import java.util.List;
import java.util.Optional;

/**
 * {@code inventory [org] [vendor]}: every app the bot made or imported, one line each (grouped by org): label,
 * playbook and vendor, requester, approver, contact, consumer key (never the secret), created, status.
 * The vendor matches a vendor name or playbook id, ignoring case. Lists one page ({@link ListPage#SIZE}) with the
 * total and a "More" button (filtering and counting in the database, so a large inventory answers as fast as a small one).
 */
public final class InventoryCommand implements ChatCommand {

    private final InventoryAppRepository inventory;
    private final OrgDirectory orgs;

    public InventoryCommand(InventoryAppRepository inventory, OrgDirectory orgs) {
        this.inventory = inventory;
        this.orgs = orgs;
    }

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public String usage() {
        return "inventory [org] [vendor]";
    }

    @Override
    public String summary() {
        return "the apps I have made or imported (in one org, for one vendor)";
    }

    @Override
    public void run(CommandCall call) {
        ListPage page = ListPage.of(call.words());
        List<String> words = page.words();
        String org = null;
        int vendorFrom = 0;
        if (!words.isEmpty()) {
            Optional<String> named = orgs.find(words.get(0));
            if (named.isPresent()) {
                org = named.get();
                vendorFrom = 1;
            }
        }
        String vendor = String.join(" ", words.subList(vendorFrom, words.size()));
        AppFilter filter = new AppFilter(org, vendor);
        int total = inventory.count(filter);
        if (total == 0 && !vendor.isEmpty() && inventory.count(new AppFilter(null, vendor)) == 0) {
            List<String> vendors = inventory.vendors();
            call.replies().warn("\"" + vendor + "\" is neither an org nor a vendor in the inventory. Orgs: "
                    + String.join(", ", orgs.names()) + (vendors.isEmpty() ? "" : "; vendors: " + String.join(", ", vendors))
                    + ". Say \"inventory [org] [vendor]\", e.g. \"inventory demo Vonage\".");
            return;
        }
        String where = (org == null ? "" : " in " + org) + (vendor.isEmpty() ? "" : " for " + vendor);
        if (total == 0) {
            call.replies().say("No apps" + where + " yet. Say \"new\" to make one"
                    + (org == null ? "" : ", or \"sync " + org + "\" to import the ones already there") + ".");
            return;
        }
        List<InventoryApp> apps = inventory.page(filter, page.offset(), ListPage.SIZE);
        List<Fact> facts = apps.stream().map(a -> new Fact(a.org(), a.apiName(), line(a))).toList();
        String heading = total + " app" + (total == 1 ? "" : "s") + where + page.range(apps.size(), total)
                + " (say \"show <api-name>\" for details"
                + (total > ListPage.SIZE ? ", name an org or a vendor to narrow the list, \"export csv\" for all" : "")
                + "):";
        call.replies().send(new Summary(heading, facts, List.of(), List.of()));
        page.more(name(), total).ifPresent(call.replies()::send);
    }

    /** label | playbook (vendor) | requester | approver | contact | key | created | status */
    private static String line(InventoryApp a) {
        return String.join(" | ", a.label(),
                a.playbookOrUnknown() + (a.vendor() == null ? "" : " (" + a.vendor() + ")"),
                "asked by " + Person.inTextOrAsIs(orNone(a.requester())),
                "approved by " + Person.inTextOrAsIs(orNone(a.approver())),
                "contact " + orNone(a.contactEmail()),
                "key " + orNone(a.consumerKey()),
                "created " + UtcTime.of(a.createdAt()),
                a.status().label());
    }

    private static String orNone(String value) {
        return value == null ? "-" : value;
    }
}
