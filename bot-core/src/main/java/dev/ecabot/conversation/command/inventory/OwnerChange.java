package dev.ecabot.conversation.command.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.Replies;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.InventoryApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * An admin makes someone the owner of an app ({@code owner} and {@code assign ... owner} both come here): the owner
 * is recorded (audited) with the app's scheduled reminders moved to them in one transaction; the admin is answered,
 * the new owner and the previous one are told once each (not when they are the admin, who reads the answer). Naming
 * the current owner again changes and tells nothing. The reveal reminder of a secret stays with its requester.
 * A message that cannot be posted is logged: the change itself stands. Thread-safe.
 */
public final class OwnerChange {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerChange.class);

    private final AppOwners owners;
    private final ChatPort port;
    private final Clock clock;

    public OwnerChange(AppOwners owners, ChatPort port, Clock clock) {
        this.owners = owners;
        this.port = port;
        this.clock = clock;
    }

    public void make(InventoryApp app, ChatUserRef owner, ChatUserRef by, Replies replies) {
        String what = app.apiName() + " in " + app.org();
        if (owners.ownerOf(app).filter(owner.toString()::equals).isPresent()) {
            replies.say(owner + " already owns " + what + "; nothing changed.");
            return;
        }
        AppOwners.Change change = owners.assign(app, owner, by, clock.instant());
        String moved = change.remindersMoved() == 0 ? "no reminder is scheduled for it now"
                : change.remindersMoved() + " scheduled reminder(s) moved to them";
        replies.say(owner + " now owns " + what + ": its reminders, digest lines and posture findings go to them ("
                + moved + "; a secret waiting to be revealed stays with its requester). Recorded in the audit trail.");
        if (!owner.equals(by)) {
            tell(owner, by + " made you the owner of " + what + ": its reminders, the digest's lines about it and its"
                    + " posture findings come to you now" + (change.remindersMoved() == 0 ? "."
                    : " (" + change.remindersMoved() + " reminder(s) scheduled; say \"reminders\" to see them)."));
        }
        Optional<ChatUserRef> previous = change.previous().map(ChatUserRef::parse);
        if (previous.isPresent() && !previous.get().equals(by)) {
            tell(previous.get(), "Reminders about " + what + " now go to " + owner + ", its new owner (changed by " + by
                    + "): " + (change.remindersMoved() == 0 ? "none was scheduled." : change.remindersMoved()
                    + " scheduled reminder(s) moved to them.") + " You will not be reminded about it any more.");
        }
    }

    private void tell(ChatUserRef person, String text) {
        if (!port.serves(person.platform())) {
            LOG.warn("{} is on a platform this instance does not serve; not told about an owner change", person);
            return;
        }
        try {
            port.post(ChatAddress.directTo(ChatUser.of(person.platform(), person.id())), TextMessage.info(text));
        } catch (RuntimeException e) {
            LOG.warn("Could not tell {} about an owner change: {}", person, e.toString());
        }
    }
}
