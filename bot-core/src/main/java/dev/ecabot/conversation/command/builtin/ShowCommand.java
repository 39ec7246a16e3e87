package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.SpecFacts;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;

import java.util.ArrayList;
import java.util.List;

/** {@code show <api-name> [org]}: one app of the inventory in full: who, when, key, and every setting. */
public final class ShowCommand implements ChatCommand {

    private final InventoryAppRepository inventory;

    public ShowCommand(InventoryAppRepository inventory) {
        this.inventory = inventory;
    }

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String usage() {
        return "show <api-name> [org]";
    }

    @Override
    public String summary() {
        return "one app in full: who asked, its consumer key and every setting";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.isEmpty() || words.size() > 2) {
            call.replies().warn("Say \"show <api-name>\", e.g. \"show Vonage_Prod\" (add the org if several have it).");
            return;
        }
        List<InventoryApp> matches = inventory.all().stream()
                .filter(a -> a.apiName().equalsIgnoreCase(words.get(0)))
                .filter(a -> words.size() == 1 || a.org().equalsIgnoreCase(words.get(1)))
                .toList();
        if (matches.isEmpty()) {
            call.replies().warn("No app called " + words.get(0) + (words.size() == 2 ? " in " + words.get(1) : "")
                    + " is in the inventory. Say \"inventory\" to list them.");
        } else if (matches.size() > 1) {
            call.replies().warn(words.get(0) + " exists in several orgs (" + String.join(", ",
                    matches.stream().map(InventoryApp::org).toList()) + "); say \"show " + words.get(0) + " <org>\".");
        } else {
            call.replies().send(describe(matches.get(0)));
        }
    }

    private static Summary describe(InventoryApp app) {
        List<Fact> facts = new ArrayList<>();
        String s = "Inventory";
        facts.add(new Fact(s, "Org", app.org()));
        facts.add(new Fact(s, "Playbook", app.playbookId() + " (" + app.vendor() + ")"));
        facts.add(new Fact(s, "Requested by", app.requester()));
        if (app.approver() != null) facts.add(new Fact(s, "Approved by", app.approver()));
        facts.add(new Fact(s, "Created", InventoryCommand.DAY.format(app.createdAt())));
        facts.add(new Fact(s, "Status", app.status().name().toLowerCase()));
        if (app.consumerKey() != null) facts.add(new Fact(s, "Consumer key", app.consumerKey()));
        facts.addAll(SpecFacts.of(SettingsJson.read(app.settingsJson())));
        return new Summary(app.label() + " (" + app.apiName() + ")", facts, List.of(), List.of());
    }
}
