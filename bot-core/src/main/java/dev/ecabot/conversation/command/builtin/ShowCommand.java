package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.message.Person;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.posture.PostureReview;
import java.time.Clock;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.inventory.AppLookup;
import dev.ecabot.conversation.command.inventory.UtcTime;
import dev.ecabot.conversation.dialogue.SpecFacts;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;

import java.util.ArrayList;
import java.util.List;

/** {@code show <api-name> [org]}: one app of the inventory in full: who, when, key, and the settings it was made with. */
public final class ShowCommand implements ChatCommand {

    private final InventoryAppRepository inventory;
    private final PostureReview posture;

    public ShowCommand(InventoryAppRepository inventory) {
        this(inventory, Clock.systemUTC());
    }

    /** {@code clock} dates the age of the app's credentials for the posture findings. */
    public ShowCommand(InventoryAppRepository inventory, Clock clock) {
        this.inventory = inventory;
        this.posture = new PostureReview(PosturePolicy.current().rules(), inventory.dataSource(), clock);
    }

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String usage() {
        return "show <api-name> [org] [detail]";
    }

    @Override
    public String summary() {
        return "one app in full: who asked, its consumer key and every setting";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = new ArrayList<>(call.words());
        boolean detail = !words.isEmpty() && words.get(words.size() - 1).equalsIgnoreCase("detail");
        if (detail) words.remove(words.size() - 1); // the metadata values beside Setup's words
        new AppLookup(inventory).find("show", words, "Vonage_Prod", "", call.replies()).ifPresent(app -> {
            var steps = inventory.checklist().steps(app.org(), app.apiName());
            var unmanaged = new dev.ecabot.inventory.UnmanagedFields(inventory.dataSource()).find(app.org(), app.apiName());
            EcaSpec settings;
            try {
                settings = SettingsJson.read(app.settingsJson());
            } catch (IllegalStateException unreadable) {
                // A row written by hand or by an older bot: say so and show the rest, rather than "Something went wrong".
                call.replies().warn("The settings stored for " + app.apiName() + " in " + app.org() + " cannot be read ("
                        + unreadable.getMessage() + "), so they are not shown and its posture is not graded. The app in "
                        + app.org() + " is not affected. Until they are repaired, commands that need them (update, render,"
                        + " test, sync's drift check) stop the same way: ask whoever runs the bot to restore this app's row"
                        + " in the inventory (table inventory_app) from a backup.");
                String owner = new dev.ecabot.inventory.AppOwners(inventory.dataSource()).ownerOf(app).orElse(null);
                call.replies().send(describe(app, detail, steps, null, owner, List.of(), unmanaged));
                return;
            }
            PostureReview.AppPosture graded = posture.review(app);
            call.replies().send(describe(app, detail, steps, settings, graded.owner(),
                    graded.findings().stream().map(f -> "Posture " + f.explained()).toList(), unmanaged));
        });
    }

    /** The app in full; without {@code settings} (unreadable) the rest of it, saying where they would be. */
    private static Summary describe(InventoryApp app, boolean detail, List<dev.ecabot.inventory.Checklist.Step> steps,
                                    EcaSpec settings, String owner, List<String> findings,
                                    java.util.Optional<dev.ecabot.inventory.UnmanagedFields.Seen> unmanaged) {
        List<Fact> facts = new ArrayList<>();
        String s = "Inventory";
        facts.add(new Fact(s, "Org", app.org()));
        facts.add(new Fact(s, "Playbook", app.playbookOrUnknown() + (app.vendor() == null ? "" : " (" + app.vendor() + ")")));
        if (app.requester() != null) facts.add(new Fact(s, "Requested by", Person.inTextOrAsIs(app.requester())));
        facts.add(new Fact(s, "Owner", owner == null ? "nobody (an admin says \"owner " + app.apiName()
                + " @someone\")" : Person.inTextOrAsIs(owner)));
        if (app.approver() != null) facts.add(new Fact(s, "Approved by", Person.inTextOrAsIs(app.approver())));
        if (app.contactEmail() != null) facts.add(new Fact(s, "Contact email", app.contactEmail()));
        facts.add(new Fact(s, app.status() == AppStatus.IMPORTED ? "Imported" : "Created", UtcTime.of(app.createdAt())));
        facts.add(new Fact(s, "Status", app.status().label()));
        if (app.consumerKey() != null) facts.add(new Fact(s, "Consumer key", app.consumerKey()));
        if (settings == null) facts.add(new Fact("Settings", "Cannot be read", "the stored settings are not valid; see the warning above"));
        else facts.addAll(SpecFacts.of(settings, detail));
        String u = "Fields the bot does not manage (kept as they are on every redeploy)";
        if (unmanaged.isEmpty()) {
            facts.add(new Fact(u, "Not read yet", "\"sync " + app.org() + "\" reads them from the org"));
        } else if (unmanaged.get().fields().isEmpty()) {
            facts.add(new Fact(u, "None", "as of " + unmanaged.get().seenBy() + ", " + UtcTime.of(unmanaged.get().seenAt())));
        } else {
            unmanaged.get().fields().forEach((field, value) -> facts.add(new Fact(u, field, value)));
            facts.add(new Fact(u, "As of", unmanaged.get().seenBy() + ", " + UtcTime.of(unmanaged.get().seenAt())));
        }
        for (var step : steps) {
            facts.add(new Fact("Manual steps (\"done " + app.apiName() + " <step>\" ticks one off)",
                    step.number() + (step.done() ? " [done by " + Person.inTextOrAsIs(step.doneBy()) + ", " + UtcTime.of(step.doneAt()) + "]"
                            : " [to do]"), step.text()));
        }
        return new Summary(app.label() + " (" + app.apiName() + ")", facts, findings, List.of());
    }
}
