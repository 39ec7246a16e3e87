package dev.ecabot.slack;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.PromptRef;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a Slack user did into the engine's {@link ChatEvent}. Where replies go: a mention is answered in
 * its thread; a DM in the DM (in its thread when written in one); {@code /eca} typed in a channel continues in the person's DM with the bot (the
 * conversation may carry org names, forms and credentials, which do not belong in a shared channel).
 * Thread-safe.
 */
final class InboundMapper {

    private final SlackUsers users;

    InboundMapper(SlackUsers users) {
        this.users = users;
    }

    /** The person behind a Slack user id, with name and email when Slack tells them. */
    dev.ecabot.conversation.ChatUser user(String userId) {
        return users.user(userId, null);
    }

    /** The neutral event, or empty for Slack-only actions (opening a form) that the engine never sees. */
    Optional<ChatEvent> toEvent(SlackInbound inbound) {
        if (inbound instanceof SlackInbound.Command c) {
            ChatUser user = users.user(c.userId(), c.userName());
            String[] words = c.text() == null ? new String[] {""} : c.text().strip().split("\\s+", 2);
            ChatPlace place = privatePlace(c.userId(), c.channelId());
            if (words[0].isEmpty()) return Optional.of(new ChatEvent.Command(user, place, "help", ""));
            return Optional.of(new ChatEvent.Command(user, place, words[0].toLowerCase(Locale.ROOT),
                    words.length > 1 ? words[1] : ""));
        }
        if (inbound instanceof SlackInbound.Mention m) {
            return Optional.of(new ChatEvent.Text(users.user(m.userId(), null),
                    new ChatPlace(m.channelId(), m.threadTs()), m.text()));
        }
        if (inbound instanceof SlackInbound.DirectMessage d) {
            // written in a thread of the DM: answered in that thread (its own conversation, like a mention's thread)
            ChatPlace place = d.threadTs() == null ? ChatPlace.direct(d.channelId()) : new ChatPlace(d.channelId(), d.threadTs());
            return Optional.of(new ChatEvent.Text(users.user(d.userId(), null), place, d.text()));
        }
        if (inbound instanceof SlackInbound.Action a) {
            Optional<PromptRef> prompt = ActionIds.promptOf(a.blockId(), a.actionId());
            if (prompt.isEmpty() || a.value() == null) return Optional.empty();
            // An approval card may sit in the approvers' channel: what the engine says to the clicker goes to their DM.
            // A click on the App Home tab has no channel: the engine answers in the person's DM.
            ChatPlace place = prompt.get() == PromptRef.Fixed.APPROVAL || a.channelId() == null
                    ? privatePlace(a.userId(), a.channelId())
                    : new ChatPlace(a.channelId(), a.threadTs());
            return Optional.of(new ChatEvent.Choice(users.user(a.userId(), a.userName()), place, prompt.get().encode(),
                    a.value(), a.label()));
        }
        if (inbound instanceof SlackInbound.FormSubmitted f) {
            return Optional.of(new ChatEvent.FormSubmission(users.user(f.userId(), f.userName()),
                    new ChatPlace(f.channelId(), f.threadTs()), f.formId(), f.values()));
        }
        return Optional.empty();
    }

    /** A DM (D...) stays itself; anywhere else the person's DM, which {@link SlackChatPort} opens by user id. */
    static ChatPlace privatePlace(String userId, String channelId) {
        return ChatPlace.direct(channelId != null && channelId.startsWith("D") ? channelId : userId);
    }
}
