package dev.ecabot.conversation.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers due reminders through the chat port: to the requester's direct messages, to each approver of the
 * reminder's org (and the approvers' channel, when configured), or to a channel. A reminder delivered after its
 * time (the bot was down) says so. Thread-safe.
 */
public final class ChatReminderDelivery implements ReminderDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChatReminderDelivery.class);

    private final ChatPort port;
    private final Approvals approvals;

    public ChatReminderDelivery(ChatPort port, Approvals approvals) {
        this.port = port;
        this.approvals = approvals;
    }

    @Override
    public void deliver(Reminder reminder, boolean late) {
        String text = "Reminder: " + reminder.text() + (late ? "\n" + reminder.lateNote() : "");
        List<ChatAddress> to = addressesOf(reminder);
        if (to.isEmpty()) {
            LOG.warn("Reminder {} ({}) has nobody to go to in org {}; configure roles.approvers or approvals.channel",
                    reminder.id(), reminder.kind(), reminder.org());
        }
        for (ChatAddress address : to) port.post(address, TextMessage.info(text));
    }

    private List<ChatAddress> addressesOf(Reminder reminder) {
        Recipient r = reminder.recipient();
        List<ChatAddress> to = new ArrayList<>();
        switch (r.type()) {
            case REQUESTER -> to.add(ChatAddress.directTo(ChatUser.of(r.user().platform(), r.user().id())));
            case CHANNEL -> {
                ChatUserRef channel = ChatUserRef.parse(r.address());
                to.add(ChatAddress.channel(channel.platform(), channel.id()));
            }
            case APPROVERS -> {
                for (Grantee g : approvals.approversToTell(reminder.org())) {
                    if (g.kind() == Grantee.Kind.USER) to.add(ChatAddress.directTo(ChatUser.of(g.platform(), g.id())));
                }
                String channel = approvals.policy().channel();
                if (channel != null) {
                    ChatUserRef c = ChatUserRef.parse(channel);
                    to.add(ChatAddress.channel(c.platform(), c.id()));
                }
            }
        }
        return to;
    }
}
