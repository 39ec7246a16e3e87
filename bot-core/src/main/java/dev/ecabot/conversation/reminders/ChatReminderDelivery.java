package dev.ecabot.conversation.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderDelivery;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.vault.RevealOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers due reminders through the chat port: to the requester's direct messages, to whoever owns the reminder's
 * app as it fires (asked of {@link AppOwners} then, so an owner change moves every later reminder; the address stored
 * with the reminder when the owner cannot be read from the inventory; the approvers when nobody owns it), to each
 * approver of the reminder's org (and the approvers' channel, when configured), or to a channel. A reminder
 * delivered after its time (the bot was down) says so. Thread-safe.
 */
public final class ChatReminderDelivery implements ReminderDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChatReminderDelivery.class);

    private final ChatPort port;
    private final Approvals approvals;
    private final RevealOffers offers;
    private final AppOwners owners;

    public ChatReminderDelivery(ChatPort port, Approvals approvals) {
        this(port, approvals, null, null);
    }

    /**
     * With the vault's reveal offers: a "reveal before it is destroyed" reminder then carries the Reveal button again
     * (while the offer is still open), so the requester can reveal from the reminder itself. With {@code owners}
     * (null: the address stored with each reminder), owner reminders go to whoever owns the app when they fire.
     */
    public ChatReminderDelivery(ChatPort port, Approvals approvals, RevealOffers offers, AppOwners owners) {
        this.port = port;
        this.approvals = approvals;
        this.offers = offers;
        this.owners = owners;
    }

    @Override
    public void deliver(Reminder reminder, boolean late) {
        Optional<ChatUserRef> owner = ownerNow(reminder);
        String text = "Reminder: " + reminder.text() + (late ? "\n" + reminder.lateNote() : "")
                + (reminder.recipient().type() == Recipient.Type.OWNER && owner.isEmpty() ? "\nNobody owns "
                + reminder.apiName() + " in " + reminder.org() + ": an admin says \"owner " + reminder.apiName()
                + " @someone\" so its reminders go to them." : "");
        List<ChatAddress> to = addressesOf(reminder, owner);
        if (to.isEmpty()) {
            LOG.warn("Reminder {} ({}) has nobody to go to in org {}; configure roles.approvers or approvals.channel",
                    reminder.id(), reminder.kind(), reminder.org());
        }
        Optional<RevealOffer> button = revealButton(reminder);
        for (ChatAddress address : to) {
            port.post(address, TextMessage.info(text));
            button.ifPresent(offer -> port.post(address, offer));
            port.refreshHome(address.user()); // the reminder is due now: their home lists what is next
        }
    }

    /** The Reveal button of a reveal reminder's offer, while that offer can still be revealed. */
    private Optional<RevealOffer> revealButton(Reminder reminder) {
        // only ever to the requester: the secret was offered to them alone (an owner never gets this button)
        if (offers == null || reminder.kind() != ReminderKind.REVEAL_EXPIRING || reminder.reference() == null
                || reminder.recipient().type() != Recipient.Type.REQUESTER) {
            return Optional.empty();
        }
        try {
            return offers.find(reminder.reference())
                    .filter(o -> o.state() == dev.ecabot.vault.RevealOffer.State.OPEN)
                    .map(o -> new RevealOffer(o.offerId(), "Consumer key and secret of " + o.apiName(), o.expiresAt()));
        } catch (RuntimeException e) {
            LOG.warn("Could not look up the reveal offer of reminder {}; sending its words only: {}", reminder.id(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Who owns an owner reminder's app now; empty when nobody does (or the reminder is not an owner one). A failed
     * read throws, so the reminder is retried rather than sent to the wrong person.
     */
    private Optional<ChatUserRef> ownerNow(Reminder reminder) {
        Recipient r = reminder.recipient();
        if (r.type() != Recipient.Type.OWNER) return Optional.empty();
        Optional<ChatUserRef> stored = Optional.ofNullable(r.address()).map(ChatUserRef::parse);
        if (owners == null || reminder.apiName() == null) return stored;
        return owners.currentOwner(reminder.org(), reminder.apiName()).or(() -> stored);
    }

    private List<ChatAddress> addressesOf(Reminder reminder, Optional<ChatUserRef> owner) {
        Recipient r = reminder.recipient();
        List<ChatAddress> to = new ArrayList<>();
        switch (r.type()) {
            case REQUESTER -> to.add(ChatAddress.directTo(ChatUser.of(r.user().platform(), r.user().id())));
            case OWNER -> {
                if (owner.isPresent()) to.add(ChatAddress.directTo(ChatUser.of(owner.get().platform(), owner.get().id())));
                else to.addAll(approversOf(reminder.org()));
            }
            case CHANNEL -> {
                ChatUserRef channel = ChatUserRef.parse(r.address());
                to.add(ChatAddress.channel(channel.platform(), channel.id()));
            }
            case APPROVERS -> to.addAll(approversOf(reminder.org()));
        }
        return to;
    }

    private List<ChatAddress> approversOf(String org) {
        List<ChatAddress> to = new ArrayList<>();
        for (Grantee g : approvals.approversToTell(org)) {
            if (g.kind() == Grantee.Kind.USER) to.add(ChatAddress.directTo(ChatUser.of(g.platform(), g.id())));
        }
        String channel = approvals.policy().channel();
        if (channel != null) {
            ChatUserRef c = ChatUserRef.parse(channel);
            to.add(ChatAddress.channel(c.platform(), c.id()));
        }
        return to;
    }
}
