package dev.ecabot.testing;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Someone in the {@link TestChat}: says things, presses buttons, fills forms, and reads what the bot said to
 * them (and only to them). Each action returns the {@link Transcript} of the replies it caused at once.
 */
public final class Person {

    private final TestChat chat;
    private final ChatUser user;
    private final ChatPlace place;

    Person(TestChat chat, ChatUser user, ChatPlace place) {
        this.chat = chat;
        this.user = user;
        this.place = place;
    }

    /** The same person, talking in thread {@code threadKey} of the same channel. */
    public Person inThread(String threadKey) {
        return new Person(chat, user, new ChatPlace(place.channelId(), threadKey));
    }

    public ChatUser user() {
        return user;
    }

    public Transcript says(String text) {
        return act(new ChatEvent.Text(user, place, text));
    }

    /** A slash command, as Slack and Teams deliver them. */
    public Transcript commands(String name, String arguments) {
        return act(new ChatEvent.Command(user, place, name, arguments));
    }

    /** Presses the option {@code value} of the last choice (or confirmation) the bot showed this person. */
    public Transcript picks(String value) {
        ChatMessage prompt = everything().lastOf(ChoicePrompt.class, Confirmation.class);
        String id = prompt instanceof ChoicePrompt c ? c.id() : ((Confirmation) prompt).id();
        return act(new ChatEvent.Choice(user, place, id, value));
    }

    /** Presses a button of prompt {@code promptId}, whether or not it is the latest (stale buttons). */
    public Transcript presses(String promptId, String value) {
        return act(new ChatEvent.Choice(user, place, promptId, value));
    }

    /** Submits the last form shown to this person with these field values. */
    public Transcript submits(Map<String, String> values) {
        FormPrompt form = everything().last(FormPrompt.class);
        return act(new ChatEvent.FormSubmission(user, place, form.id(), values));
    }

    public Transcript confirms() {
        return act(new ChatEvent.Choice(user, place, everything().last(Confirmation.class).id(),
                Confirmation.CONFIRM));
    }

    /** Presses "Reveal" on the last secret offer this person got. */
    public Transcript revealsSecret() {
        return act(new ChatEvent.Choice(user, place, RevealOffer.PROMPT_ID,
                everything().last(RevealOffer.class).offerId()));
    }

    /** Everything the bot said to this person (posts and edits, oldest first), in any place. */
    public Transcript everything() {
        return new Transcript(messagesFrom(0));
    }

    /** Waits (up to 10 s) until the bot has told this person something containing {@code fragment}. */
    public Transcript awaits(String fragment) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> everything().text().contains(fragment));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the bot never told " + user.id() + " \"" + fragment + "\"; it said:\n"
                    + everything().text(), e);
        }
        return everything();
    }

    /** Secrets revealed to this person, oldest first. */
    public List<SecretReveal> revealed() {
        return chat.reveals().stream().filter(r -> r.to().user().key().equals(user.key())).map(TestChat.Reveal::reveal).toList();
    }

    private Transcript act(ChatEvent event) {
        int before = chat.size();
        chat.send(event);
        return new Transcript(messagesFrom(before));
    }

    private List<ChatMessage> messagesFrom(int index) {
        List<TestChat.Entry> all = chat.entries();
        return all.subList(Math.min(index, all.size()), all.size()).stream()
                .filter(e -> e.to().user().key().equals(user.key())) // the same person wherever the bot wrote to them
                .map(TestChat.Entry::message).toList();
    }
}
