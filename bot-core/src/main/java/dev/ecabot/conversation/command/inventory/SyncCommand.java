package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.ListPage;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.Drift;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventorySync;
import dev.ecabot.inventory.SyncReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sync <org>}: imports the org's External Client Apps the inventory lacks and names every setting that
 * drifted from what the bot made (made with -> now in the org). Runs in the background; answers with a summary.
 */
public final class SyncCommand implements ChatCommand {

    private final InventorySync sync;
    private final OrgDirectory orgs;
    private final OrgWork work;

    public SyncCommand(InventorySync sync, OrgDirectory orgs, OrgWork work) {
        this.sync = sync;
        this.orgs = orgs;
        this.work = work;
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String usage() {
        return "sync <org>";
    }

    @Override
    public String summary() {
        return "import the org's apps I do not know yet and flag settings that drifted";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.size() != 1) {
            call.replies().warn("Say \"sync <org>\", e.g. \"sync demo\"; the orgs are: " + String.join(", ", orgs.names()) + ".");
            return;
        }
        Optional<String> org = orgs.find(words.get(0));
        if (org.isEmpty()) {
            call.replies().warn("There is no org called \"" + words.get(0) + "\"; the orgs are: " + String.join(", ", orgs.names()) + ".");
            return;
        }
        Replies replies = call.replies();
        work.run("Reading the External Client Apps of " + org.get() + "...", replies,
                () -> replies.send(describe(sync.sync(org.get(), call.event().user().ref()))));
    }

    private static Summary describe(SyncReport r) {
        List<Fact> facts = new ArrayList<>();
        for (InventoryApp a : r.imported()) {
            facts.add(new Fact(a.playbookId() == null ? "Imported (playbook unknown)"
                    : "Imported (its settings match a playbook)", a.apiName(), a.label()
                    + (a.playbookId() == null ? "" : "; playbook " + a.playbookId())
                    + (a.consumerKey() == null ? "" : "; consumer key " + a.consumerKey())));
        }
        for (Drift d : r.drifted()) {
            facts.add(new Fact("Drifted (made with -> now in the org)", d.app().apiName(), String.join("; ", d.lines())));
        }
        for (InventoryApp a : r.missingFromOrg()) {
            facts.add(new Fact("In the inventory but not in the org", a.apiName(), a.label()));
        }
        for (String name : r.unreadable()) {
            facts.add(new Fact("Settings could not be read", name, "check the bot user may read metadata"));
        }
        String title = "Sync of " + r.org() + ": " + r.appsInOrg() + " app" + (r.appsInOrg() == 1 ? "" : "s") + " in the org; "
                + r.imported().size() + " imported, " + r.drifted().size() + " drifted"
                + (r.missingFromOrg().isEmpty() ? "" : ", " + r.missingFromOrg().size() + " missing from the org") + ".";
        List<String> notes = new ArrayList<>(r.allInStep() ? List.of("The inventory and the org agree.")
                : r.drifted().isEmpty() ? List.of() : List.of("Drift is not changed back automatically: fix the settings in Setup, or"
                        + " delete and recreate the app with its playbook."));
        if (facts.size() > ListPage.SIZE) {
            // a sync is not run again to show more of it: what it found is in the inventory and on the audit trail
            notes.add(0, (facts.size() - ListPage.SIZE) + " more lines not shown: say \"inventory " + r.org()
                    + "\" for the imported apps, \"audit\" for every import and drift (a page at a time each).");
            facts = facts.subList(0, ListPage.SIZE);
        }
        return new Summary(title, facts, List.of(), notes);
    }
}
