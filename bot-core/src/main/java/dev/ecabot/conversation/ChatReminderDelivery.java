package dev.ecabot.conversation;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderDelivery;

/**
 * Delivers due reminders as chat messages through the port: to the requester or each individually named approver
 * in a direct conversation ({@link ChatPlace#directMessageTo}), or to a channel. A late reminder says so.
 * Thread-safe (Quartz calls it from its own threads).
 */
public final class ChatReminderDelivery implements ReminderDelivery {

    private final ChatPort port;
    private final Approvals approvals;

    public ChatReminderDelivery(ChatPort port, Approvals approvals) {
        this.port = port;
        this.approvals = approvals;
    }

    @Override
    public void deliver(Reminder reminder, boolean late) {
        TextMessage message = TextMessage.info(late ? reminder.text() + " " + reminder.lateNote() : reminder.text());
        switch (reminder.recipient().type()) {
            case REQUESTER -> toPerson(reminder.recipient().user(), message);
            case APPROVERS -> approvals.approversToTell(reminder.org()).stream()
                    .filter(g -> g.kind() == Grantee.Kind.USER)
                    .forEach(g -> toPerson(new ChatUserRef(g.platform(), g.id()), message));
            case CHANNEL -> {
                ChatUserRef channel = ChatUserRef.parse(reminder.recipient().address());
                port.post(new ChatAddress(ChatUser.of(channel.platform(), channel.id()),
                        ChatPlace.direct(channel.id())), message);
            }
        }
    }

    private void toPerson(ChatUserRef who, TextMessage message) {
        port.post(new ChatAddress(ChatUser.of(who.platform(), who.id()), ChatPlace.directMessageTo(who.id())), message);
    }
}
