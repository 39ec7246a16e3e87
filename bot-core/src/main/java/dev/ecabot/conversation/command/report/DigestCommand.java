package dev.ecabot.conversation.command.report;

import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.inventory.OrgWork;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.digest.Digests;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.posture.PostureReview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code digest [org]} (approvers, admins): the weekly digest now, for one org or all, with buttons to the details
 * ({@code digest <org|all> posture|usage|owners}). Reading usage talks to the orgs, so it runs in the background.
 * Thread-safe.
 */
public final class DigestCommand implements ChatCommand {

    private final Digests digests;
    private final InventoryAppRepository inventory;
    private final PostureReview posture;
    private final AppOwners owners;
    private final OrgDirectory orgs;
    private final OrgWork work;
    private final UsageCommand usage;

    public DigestCommand(Digests digests, InventoryAppRepository inventory, PostureReview posture, AppOwners owners,
                         OrgDirectory orgs, OrgWork work, UsageCommand usage) {
        this.digests = digests;
        this.inventory = inventory;
        this.posture = posture;
        this.owners = owners;
        this.orgs = orgs;
        this.work = work;
        this.usage = usage;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String usage() {
        return "digest [org]";
    }

    @Override
    public String summary() {
        return "the weekly digest now: changes, drift, findings, rotations, expiring tokens, unused apps";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.size() > 2) {
            call.replies().warn("Say \"digest\" for every org or \"digest <org>\", e.g. \"digest demo\".");
            return;
        }
        String org = null;
        if (!words.isEmpty() && !words.get(0).equalsIgnoreCase(Digests.ALL)) {
            Optional<String> named = orgs.find(words.get(0));
            if (named.isEmpty()) {
                call.replies().warn("I know no org called \"" + words.get(0) + "\". Orgs: " + String.join(", ", orgs.names())
                        + ". Say \"digest <org>\" or \"digest\".");
                return;
            }
            org = named.get();
        }
        if (words.size() == 2) {
            details(call, org, words.get(1).toLowerCase(java.util.Locale.ROOT));
            return;
        }
        Replies replies = call.replies();
        String scope = org;
        work.run("Putting the digest together" + (org == null ? "" : " for " + org) + "...", replies, () -> {
            replies.send(digests.digest(scope));
            replies.send(Digests.detailButtons(scope));
        });
    }

    private void details(CommandCall call, String org, String what) {
        switch (what) {
            case "posture" -> {
                List<InventoryApp> apps = org == null ? inventory.all() : inventory.byOrg(org);
                call.replies().send(PostureCommand.report(new ArrayList<>(posture.review(apps)), org == null ? "" : " in " + org));
            }
            case "usage" -> {
                if (org == null) call.replies().warn("Usage is read per org: say \"usage <org>\".");
                else usage.run(new CommandCall(call.event(), org, call.replies()));
            }
            case "owners" -> {
                List<InventoryApp> ownerless = owners.ownerless(org == null ? inventory.all() : inventory.byOrg(org));
                call.replies().send(new Summary(ownerless.isEmpty() ? "Every app has an owner." : ownerless.size()
                        + " app(s) nobody owns:", ownerless.stream().map(a -> new Fact(a.org(), a.apiName(), a.label())).toList(),
                        List.of(), ownerless.isEmpty() ? List.of() : List.of("An admin says \"owner <api-name> @someone\".")));
            }
            default -> call.replies().warn("The digest's details are posture, usage and owners, e.g. \"digest demo posture\".");
        }
    }
}
