package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.HumanTime;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.UserRefs;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.inventory.CredentialRotation;
import dev.ecabot.inventory.InventoryApp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code rotate <api-name> [org]}: new consumer key and secret (staged, then promoted), offered once to the person
 * who rotated; the old pair keeps working 30 days, with a reminder before it stops. Admins only until rotation
 * approvals land.
 */
public final class RotateCommand implements ChatCommand {

    private final CredentialRotation rotation;
    private final AppLookup apps;
    private final OrgWork work;

    public RotateCommand(CredentialRotation rotation, AppLookup apps, OrgWork work) {
        this.rotation = rotation;
        this.apps = apps;
        this.work = work;
    }

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public String usage() {
        return "rotate <api-name> [org]";
    }

    @Override
    public String summary() {
        return "new consumer key and secret for an app (the old pair works 30 more days)";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.isEmpty() || words.size() > 2) {
            call.replies().warn("Say \"rotate <api-name>\", e.g. \"rotate Vonage_Prod\" (add the org if several have it).");
            return;
        }
        Optional<InventoryApp> app = apps.find("rotate", words.get(0), words.size() == 2 ? words.get(1) : null, call.replies());
        if (app.isEmpty()) return;
        Replies replies = call.replies();
        work.run("Rotating the credentials of " + app.get().apiName() + " in " + app.get().org() + "...", replies, () -> {
            CredentialRotation.Rotated done = rotation.rotate(app.get(), UserRefs.of(call.event().user()));
            replies.say("Rotated " + app.get().apiName() + ": the new consumer key is " + done.rotation().newConsumerKey()
                    + ". The old pair keeps working until " + UtcTime.of(done.rotation().oldExpiresAt())
                    + done.reminder().map(r -> "; I will remind you " + HumanTime.duration(Duration.between(r.dueAt(),
                            done.rotation().oldExpiresAt())) + " before").orElse("")
                    + ". When every integration uses the new pair, say \"revoke-old " + app.get().apiName() + "\".");
            replies.send(new RevealOffer(done.offer().offerId(), "New consumer key and secret of " + app.get().apiName(),
                    done.offer().expiresAt()));
        });
    }
}
