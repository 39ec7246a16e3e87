package dev.ecabot.conversation.command.report;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PostureReview;
import dev.ecabot.posture.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code posture [org]}: every app of the inventory (or of one org) graded by the posture rules, most findings
 * first: one line per finding naming the setting and the fix, under the app and its owner, then the apps nobody owns
 * (for an admin to assign). Thread-safe.
 */
public final class PostureCommand implements ChatCommand {

    /** Lines at most per message, so one report fits every platform (Slack: 50 blocks). */
    static final int MAX_LINES = 40;

    private final InventoryAppRepository inventory;
    private final PostureReview review;
    private final OrgDirectory orgs;

    public PostureCommand(InventoryAppRepository inventory, PostureReview review, OrgDirectory orgs) {
        this.inventory = inventory;
        this.review = review;
        this.orgs = orgs;
    }

    @Override
    public String name() {
        return "posture";
    }

    @Override
    public String usage() {
        return "posture [org]";
    }

    @Override
    public String summary() {
        return "security findings of every app (setting, why, how to fix), and apps without owner";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        String org = null;
        if (words.size() > 1) {
            call.replies().warn("Say \"posture\" for every org or \"posture <org>\", e.g. \"posture demo\".");
            return;
        }
        if (words.size() == 1) {
            Optional<String> named = orgs.find(words.get(0));
            if (named.isEmpty()) {
                call.replies().warn("I know no org called \"" + words.get(0) + "\". Orgs: " + String.join(", ", orgs.names())
                        + ". Say \"posture <org>\".");
                return;
            }
            org = named.get();
        }
        List<InventoryApp> apps = org == null ? inventory.all() : inventory.byOrg(org);
        List<PostureReview.AppPosture> graded = new ArrayList<>(review.review(apps));
        String where = org == null ? "" : " in " + org;
        if (graded.isEmpty()) {
            call.replies().say("No apps" + where + " to grade yet. Say \"new\" to make one or \"sync <org>\" to import.");
            return;
        }
        call.replies().send(report(graded, where));
    }

    /** The report: a header with the counts, one fact per finding (capped), apps without an owner as warnings. */
    public static Summary report(List<PostureReview.AppPosture> graded, String where) {
        graded.sort((a, b) -> Integer.compare(weight(b.findings()), weight(a.findings())));
        List<Fact> facts = new ArrayList<>();
        int findings = 0;
        int high = 0;
        int shown = 0;
        for (PostureReview.AppPosture p : graded) {
            findings += p.findings().size();
            high += (int) p.findings().stream().filter(f -> f.severity() == Severity.HIGH).count();
            // each app's lines name who is to act on them: its owner (or that nobody is, for an admin to assign)
            String app = p.app().apiName() + " (" + p.app().org() + (p.owner() == null ? ", no owner)" : ", owner " + p.owner() + ")");
            if (p.findings().isEmpty() && shown < MAX_LINES) {
                facts.add(new Fact(app, "Posture", "no finding"));
                shown++;
            }
            for (PostureFinding f : p.findings()) {
                if (shown++ >= MAX_LINES) break;
                facts.add(new Fact(app, f.ruleId(), f.line()));
            }
        }
        List<String> notes = new ArrayList<>();
        if (shown > MAX_LINES) notes.add((shown - MAX_LINES) + " more finding(s) not shown: say \"posture <org>\" or "
                + "\"show <api-name>\", or export the inventory.");
        List<String> ownerless = graded.stream().filter(p -> p.owner() == null)
                .map(p -> p.app().apiName() + " (" + p.app().org() + ")").toList();
        List<String> warnings = ownerless.isEmpty() ? List.of() : List.of("No owner: " + String.join(", ", ownerless)
                + ". An admin says \"owner <api-name> @someone\".");
        return new Summary("Posture" + where + ": " + graded.size() + " app(s), " + findings + " finding(s), "
                + high + " high. Each line: setting, what was found, how to fix; \"show <api-name>\" says why.",
                facts, warnings, notes);
    }

    private static int weight(List<PostureFinding> findings) {
        int w = 0;
        for (PostureFinding f : findings) w += f.severity() == Severity.HIGH ? 100 : f.severity() == Severity.MEDIUM ? 10 : 1;
        return w;
    }
}
