package dev.ecabot.conversation.command.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.inventory.AppDeletion;
import dev.ecabot.inventory.CredentialRotation;
import dev.ecabot.inventory.InventoryApp;

import java.time.Duration;

/**
 * Rotates or deletes an app in the background and tells {@code replies} how it went: the one place these run,
 * whether right away or once approved. The rotation's reveal offer is for {@code by}, the person who asked. Thread-safe.
 */
public final class AppChanges {

    private final CredentialRotation rotation;
    private final AppDeletion deletion;
    private final OrgWork work;

    public AppChanges(CredentialRotation rotation, AppDeletion deletion, OrgWork work) {
        this.rotation = rotation;
        this.deletion = deletion;
        this.work = work;
    }

    public void rotate(InventoryApp app, ChatUserRef by, Replies replies) {
        rotate(app, by, false, "", replies);
    }

    /**
     * {@code revokeSlotFirst}: the person confirmed that whatever holds the staged slot may be revoked first;
     * {@code reason} (what followed "because"; empty when none) goes to the audit trail.
     */
    public void rotate(InventoryApp app, ChatUserRef by, boolean revokeSlotFirst, String reason, Replies replies) {
        work.run("Rotating the credentials of " + app.apiName() + " in " + app.org() + "...", replies, () -> {
            CredentialRotation.Rotated done = rotation.rotate(app, by, revokeSlotFirst, reason);
            replies.say("Rotated " + app.apiName() + ": the new consumer key is " + done.rotation().newConsumerKey()
                    + ". The old pair keeps working until " + UtcTime.of(done.rotation().oldExpiresAt())
                    + done.reminder().map(r -> "; I will remind " + (by.toString().equals(r.recipient().address()) ? "you"
                            : "its owner " + r.recipient().address()) + " " + HumanTime.duration(Duration.between(r.dueAt(),
                            done.rotation().oldExpiresAt())) + " before").orElse("")
                    + ". When every integration uses the new pair, say \"revoke-old " + app.apiName() + "\".");
            replies.send(new RevealOffer(done.offer().offerId(), "New consumer key and secret of " + app.apiName(),
                    done.offer().expiresAt()));
        });
    }

    public void delete(InventoryApp app, ChatUserRef by, Replies replies) {
        delete(app, by, "", replies);
    }

    /** Deletes, recording {@code reason} (what followed "because"; empty when none) in the audit trail. */
    public void delete(InventoryApp app, ChatUserRef by, String reason, Replies replies) {
        work.run("Deleting " + app.apiName() + " from " + app.org() + "...", replies, () -> {
            AppDeletion.Deleted done = deletion.delete(app, by, reason);
            replies.say((done.wasInOrg() ? "Deleted " + app.apiName() + " from " + app.org() + "."
                    : app.org() + " no longer had " + app.apiName() + "; it is marked deleted.")
                    + " The inventory keeps it as deleted; " + done.remindersCancelled() + " reminder"
                    + (done.remindersCancelled() == 1 ? "" : "s") + " cancelled. Integrations using it stop working now.");
        });
    }
}
