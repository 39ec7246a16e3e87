package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** {@code inventory [org]}: the apps the bot made, one line each, optionally for one org. */
public final class InventoryCommand implements ChatCommand {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

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
        return "inventory [org]";
    }

    @Override
    public String summary() {
        return "the apps I have made (in one org)";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.size() > 1) {
            call.replies().warn("Say \"inventory\" for every org, or \"inventory <org>\" for one.");
            return;
        }
        List<InventoryApp> apps;
        String where;
        if (words.isEmpty()) {
            apps = inventory.all();
            where = "";
        } else {
            Optional<String> org = orgs.find(words.get(0));
            if (org.isEmpty()) {
                call.replies().warn("There is no org called \"" + words.get(0) + "\"; the orgs are: "
                        + String.join(", ", orgs.names()) + ".");
                return;
            }
            apps = inventory.byOrg(org.get());
            where = " in " + org.get();
        }
        if (apps.isEmpty()) {
            call.replies().say("No apps" + where + " yet. Say \"new\" to make one.");
            return;
        }
        List<Fact> facts = apps.stream().map(a -> new Fact("", a.apiName() + " (" + a.org() + ")",
                a.label() + "; " + a.vendor() + " via " + a.playbookId() + "; asked by " + a.requester()
                        + " on " + DAY.format(a.createdAt()) + "; " + a.status().name().toLowerCase())).toList();
        call.replies().send(new Summary(apps.size() + " app" + (apps.size() == 1 ? "" : "s") + where
                + " (say \"show <api-name>\" for details):", facts, List.of(), List.of()));
    }
}
