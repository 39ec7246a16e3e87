package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.inventory.CredentialRotation;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.Rotation;

import java.util.List;
import java.util.Optional;

/**
 * {@code revoke-old <api-name> [org]}: after a rotation, stops the old consumer key and secret now rather than
 * when they expire, and cancels the reminder about them. Same access as rotate.
 */
public final class RevokeOldCommand implements ChatCommand {

    private final CredentialRotation rotation;
    private final AppLookup apps;
    private final OrgWork work;

    public RevokeOldCommand(CredentialRotation rotation, AppLookup apps, OrgWork work) {
        this.rotation = rotation;
        this.apps = apps;
        this.work = work;
    }

    @Override
    public String name() {
        return "revoke-old";
    }

    @Override
    public String usage() {
        return "revoke-old <api-name> [org]";
    }

    @Override
    public String summary() {
        return "after a rotation, stop the old consumer key and secret now";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.isEmpty() || words.size() > 2) {
            call.replies().warn("Say \"revoke-old <api-name>\" after rotating it, e.g. \"revoke-old Vonage_Prod\".");
            return;
        }
        Optional<InventoryApp> app = apps.find("revoke-old", words.get(0), words.size() == 2 ? words.get(1) : null, call.replies());
        if (app.isEmpty()) return;
        Replies replies = call.replies();
        work.run("Revoking the old credentials of " + app.get().apiName() + "...", replies, () -> {
            Optional<Rotation> revoked = rotation.revokeOld(app.get(), call.event().user().ref());
            if (revoked.isEmpty()) {
                replies.warn(app.get().apiName() + " has no old credentials still working: it was not rotated, or the old"
                        + " pair was revoked or has expired already.");
            } else {
                replies.say("Revoked the old credentials of " + app.get().apiName() + " (key " + revoked.get().oldConsumerKey()
                        + "); only the new pair works now. The reminder about them is cancelled.");
            }
        });
    }
}
