package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.AppUpdateDialogue;
import dev.ecabot.inventory.InventoryApp;

import java.util.Optional;

/**
 * {@code update <api-name> [org] [because <reason>]}: asks the app's playbook questions again with today's answers
 * as defaults, shows every setting that would change, and redeploys once confirmed (and approved, where the org's
 * policy needs approval for purpose UPDATE), keeping what the bot does not manage. Admins only.
 */
public final class UpdateCommand implements ChatCommand {

    private final AppUpdateDialogue updates;
    private final AppLookup apps;

    public UpdateCommand(AppUpdateDialogue updates, AppLookup apps) {
        this.updates = updates;
        this.apps = apps;
    }

    @Override
    public String name() {
        return "update";
    }

    @Override
    public String usage() {
        return "update <api-name> [org] [because <reason>]";
    }

    @Override
    public String summary() {
        return "change an app's settings: its questions again with today's answers, the changes, then a redeploy";
    }

    @Override
    public void run(CommandCall call) {
        ChangeApprovals.Asked asked = ChangeApprovals.Asked.of(call.arguments());
        if (asked.words().isEmpty() || asked.words().size() > 2) {
            call.replies().warn("Say \"update <api-name>\", e.g. \"update Vonage_Prod\" (add the org if several have it;"
                    + " where approval is needed you may end with \"because <reason>\").");
            return;
        }
        Optional<InventoryApp> app = apps.find("update", asked.words().get(0),
                asked.words().size() == 2 ? asked.words().get(1) : null, call.replies());
        app.ifPresent(a -> updates.start(call.event(), a, asked.reason(), call.replies()));
    }
}
