package dev.ecabot.conversation.command.inventory;

import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventorySync;
import dev.ecabot.playbook.Playbook;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code assign <api-name> [org] playbook <id>} and {@code assign <api-name> [org] owner <user>}: an admin names the
 * playbook an app follows (an imported app's is unknown until then) or who owns it (the person reminders and
 * questions go to; stored as the requester). Audited. Admins only.
 */
public final class AssignCommand implements ChatCommand {

    private final InventoryAppRepository inventory;
    private final AuditTrail audit;
    private final AppLookup apps;
    private final InventorySync playbooks;
    private final Clock clock;
    private final OwnerChange owners;

    public AssignCommand(InventoryAppRepository inventory, AuditTrail audit, AppLookup apps, InventorySync playbooks,
                         OwnerChange owners, Clock clock) {
        this.inventory = inventory;
        this.audit = audit;
        this.apps = apps;
        this.playbooks = playbooks;
        this.owners = owners;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "assign";
    }

    @Override
    public String usage() {
        return "assign <api-name> [org] playbook <id> | owner <user>";
    }

    @Override
    public String summary() {
        return "set the playbook or the owner of an app (e.g. one sync imported)";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.size() < 3 || words.size() > 4 || !List.of("playbook", "owner")
                .contains(words.get(words.size() - 2).toLowerCase(Locale.ROOT))) {
            call.replies().warn("Say \"assign <api-name> playbook <playbook-id>\" or \"assign <api-name> owner <user>\","
                    + " e.g. \"assign Made_In_Setup playbook vonage-ai-studio\" (add the org after the API name if several"
                    + " orgs have it).");
            return;
        }
        String what = words.get(words.size() - 2).toLowerCase(Locale.ROOT);
        String value = words.get(words.size() - 1);
        Optional<InventoryApp> found = apps.find("assign", words.get(0), words.size() == 4 ? words.get(1) : null,
                call.replies());
        if (found.isEmpty()) return;
        InventoryApp a = found.get();
        InventoryApp changed;
        String detail;
        if (what.equals("playbook")) {
            Optional<Playbook> playbook = playbooks.playbook(value);
            if (playbook.isEmpty()) {
                call.replies().warn("There is no playbook \"" + value + "\"; say \"playbooks\" to see their ids.");
                return;
            }
            changed = new InventoryApp(a.id(), a.org(), a.apiName(), a.label(), a.salesforceId(), playbook.get().id(),
                    playbook.get().vendor(), a.requester(), a.approver(), a.contactEmail(), a.consumerKey(), a.createdAt(),
                    a.settingsJson(), a.status());
            detail = "playbook set: " + a.playbookOrUnknown() + " -> " + playbook.get().id();
        } else {
            // One home for owners (AppOwners, as the owner command): the requester stays who asked for the app.
            String named = value.startsWith("@") || value.startsWith("<@") || value.contains(":") ? value : "@" + value;
            Optional<dev.ecabot.access.ChatUserRef> who = OwnerCommand.person(named,
                    call.event().user().platform());
            if (who.isEmpty()) {
                call.replies().warn("\"" + value + "\" is not a person: mention them (@alice) or write platform:userId"
                        + " (e.g. slack:U024BE7LH).");
                return;
            }
            owners.make(a, who.get(), call.event().user().ref(), call.replies());
            return;
        }
        inventory.save(changed);
        audit.record(AuditEvent.of(clock.instant(), AuditKind.ASSIGNMENT, call.event().user().ref(), a.org(),
                a.apiName(), detail));
        call.replies().say(a.apiName() + " in " + a.org() + ": " + detail + ".");
    }
}
