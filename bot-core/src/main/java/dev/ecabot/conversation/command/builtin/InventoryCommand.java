package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.inventory.UtcTime;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code inventory [org] [vendor]}: every app the bot made or imported, one line each (grouped by org): label,
 * playbook and vendor, requester, approver, contact, consumer key (never the secret), created, status.
 * The vendor matches a vendor name or playbook id, ignoring case.
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
        List<String> words = call.words();
        List<InventoryApp> apps = inventory.all();
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
        if (org != null) {
            String o = org;
            apps = apps.stream().filter(a -> a.org().equals(o)).toList();
        }
        if (!vendor.isEmpty()) {
            List<InventoryApp> forVendor = apps.stream().filter(a -> isVendor(a, vendor)).toList();
            if (forVendor.isEmpty() && inventory.all().stream().noneMatch(a -> isVendor(a, vendor))) {
                TreeSet<String> vendors = new TreeSet<>();
                inventory.all().stream().filter(a -> a.vendor() != null).forEach(a -> vendors.add(a.vendor()));
                call.replies().warn("\"" + vendor + "\" is neither an org nor a vendor in the inventory. Orgs: "
                        + String.join(", ", orgs.names()) + (vendors.isEmpty() ? "" : "; vendors: " + String.join(", ", vendors))
                        + ". Say \"inventory [org] [vendor]\", e.g. \"inventory demo Vonage\".");
                return;
            }
            apps = forVendor;
        }
        String where = (org == null ? "" : " in " + org) + (vendor.isEmpty() ? "" : " for " + vendor);
        if (apps.isEmpty()) {
            call.replies().say("No apps" + where + " yet. Say \"new\" to make one"
                    + (org == null ? "" : ", or \"sync " + org + "\" to import the ones already there") + ".");
            return;
        }
        List<Fact> facts = apps.stream().map(a -> new Fact(a.org(), a.apiName(), line(a))).toList();
        call.replies().send(new Summary(apps.size() + " app" + (apps.size() == 1 ? "" : "s") + where
                + " (say \"show <api-name>\" for details):", facts, List.of(), List.of()));
    }

    private static boolean isVendor(InventoryApp a, String vendor) {
        return vendor.equalsIgnoreCase(a.vendor()) || vendor.equalsIgnoreCase(a.playbookId())
                || a.vendor() != null && a.vendor().toLowerCase(Locale.ROOT).startsWith(vendor.toLowerCase(Locale.ROOT));
    }

    /** label | playbook (vendor) | requester | approver | contact | key | created | status */
    private static String line(InventoryApp a) {
        return String.join(" | ", a.label(),
                a.playbookOrUnknown() + (a.vendor() == null ? "" : " (" + a.vendor() + ")"),
                "asked by " + orNone(a.requester()),
                "approved by " + orNone(a.approver()),
                "contact " + orNone(a.contactEmail()),
                "key " + orNone(a.consumerKey()),
                "created " + UtcTime.of(a.createdAt()),
                a.status().label());
    }

    private static String orNone(String value) {
        return value == null ? "-" : value;
    }
}
