package dev.ecabot.teams;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderDelivery;

/**
 * Delivers due reminders to Teams recipients as proactive messages: a person in their 1:1 chat with the bot
 * (opened first when there is none), a channel in that channel's conversation. Recipients on other platforms,
 * and "the approvers" (resolved by the approval policy, not here), are refused so the caller routes them.
 * Throwing means not delivered: the reminder is retried later. Thread-safe.
 */
public final class TeamsReminderDelivery implements ReminderDelivery {

    private final TeamsChatPort port;

    public TeamsReminderDelivery(TeamsChatPort port) {
        this.port = port;
    }

    @Override
    public void deliver(Reminder reminder, boolean late) {
        String text = late ? reminder.text() + "\n" + reminder.lateNote() : reminder.text();
        port.post(addressOf(reminder.recipient()), TextMessage.info(text));
    }

    private ChatAddress addressOf(Recipient recipient) {
        return switch (recipient.type()) {
            // an owner reminder reaching Teams was resolved to a person already (ChatReminderDelivery)
            case REQUESTER, OWNER -> {
                ChatUserRef person = requireTeams(recipient.user());
                yield port.personalChats().addressOf(ChatUser.of(person.platform(), person.id()));
            }
            case CHANNEL -> {
                ChatUserRef channel = requireTeams(ChatUserRef.parse(recipient.address()));
                yield new ChatAddress(ChatUser.of(TeamsInbound.PLATFORM, channel.id()), ChatPlace.direct(channel.id()));
            }
            case APPROVERS -> throw new IllegalArgumentException(
                    "Reminders to the approvers are resolved to people by the approval policy before they reach Teams");
        };
    }

    private static ChatUserRef requireTeams(ChatUserRef ref) {
        if (!TeamsInbound.PLATFORM.equals(ref.platform())) {
            throw new IllegalArgumentException(ref + " is not a Teams recipient");
        }
        return ref;
    }
}
