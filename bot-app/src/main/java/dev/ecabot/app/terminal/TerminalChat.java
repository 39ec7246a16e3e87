package dev.ecabot.app.terminal;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal as a chat platform: messages printed as plain lines (numbered options, one line per progress
 * step as it changes, no colours or cursor movement), a revealed secret printed once. Messages for someone other
 * than the person speaking now (after {@code /as}) are marked "[for name]". It remembers the last prompt and
 * reveal offer shown to each person so typed numbers can answer them. Thread-safe.
 */
public final class TerminalChat implements ChatPort {

    private final PrintStream out;
    private final Speaker speaker;
    private final Map<String, ChatMessage> prompts = new HashMap<>();
    private final Map<String, RevealOffer> offers = new HashMap<>();
    private final Map<String, ApprovalCard> cards = new HashMap<>();
    private final Map<String, ProgressUpdate> progress = new HashMap<>();
    private long ids;
    private boolean afterProgressLines;

    public TerminalChat(PrintStream out, Speaker speaker) {
        this.out = out;
        this.speaker = speaker;
    }

    @Override
    public synchronized MessageRef post(ChatAddress to, ChatMessage message) {
        String id = "t" + ++ids;
        String user = to.user().key();
        boolean prompt = message instanceof ChoicePrompt || message instanceof FormPrompt
                || message instanceof Confirmation;
        if (prompt) prompts.put(user, message);
        else if (!(message instanceof ProgressUpdate)) prompts.remove(user);
        if (message instanceof RevealOffer offer) offers.put(user, offer);
        if (message instanceof ApprovalCard card) cards.put(user, card);
        if (message instanceof ProgressUpdate p) progress.put(id, p);
        print(to, message instanceof RevealOffer offer
                ? offer.label() + ": shown once, to you only. Say \"reveal\" to see it now (offer "
                        + offer.offerId() + "; after a restart, \"reveal " + offer.offerId() + "\" picks this one)."
                : PlainText.render(message));
        return new MessageRef(to, id);
    }

    @Override
    public synchronized void edit(MessageRef ref, ChatMessage message) {
        if (message instanceof ApprovalCard card) cards.computeIfPresent(ref.address().user().key(),
                (user, shown) -> shown.requestId().equals(card.requestId()) ? card : shown);
        ProgressUpdate before = progress.get(ref.id());
        if (message instanceof ProgressUpdate now && before != null && before.steps().size() == now.steps().size()) {
            progress.put(ref.id(), now);
            StringBuilder changed = new StringBuilder();
            for (int i = 0; i < now.steps().size(); i++) {
                if (!now.steps().get(i).equals(before.steps().get(i))) {
                    if (changed.length() > 0) changed.append('\n');
                    changed.append("  ").append(PlainText.progressLine(now.steps().get(i)));
                }
            }
            if (changed.length() > 0) {
                if (!ref.address().user().equals(speaker.current())) out.println("[for " + ref.address().user().id() + "]");
                out.println(changed);
                out.flush();
                afterProgressLines = true; // the step lines of one run stay together
            }
        } else {
            print(ref.address(), PlainText.render(message));
        }
    }

    @Override
    public synchronized void reveal(ChatAddress to, SecretReveal reveal) {
        StringBuilder text = new StringBuilder(reveal.label()).append(": ").append(reveal.secret().reveal());
        if (reveal.note() != null) text.append('\n').append(reveal.note());
        print(to, text.toString());
    }

    /** The prompt last shown to {@code user}, while it still waits for an answer. */
    public synchronized Optional<ChatMessage> pendingPrompt(ChatUser user) {
        return Optional.ofNullable(prompts.get(user.key()));
    }

    /** The last approval card shown to {@code user}, while it can still be decided. */
    public synchronized Optional<ApprovalCard> lastCard(ChatUser user) {
        return Optional.ofNullable(cards.get(user.key())).filter(ApprovalCard::decidable);
    }

    /** The last reveal offer shown to {@code user}. */
    public synchronized Optional<RevealOffer> lastOffer(ChatUser user) {
        return Optional.ofNullable(offers.get(user.key()));
    }

    private void print(ChatAddress to, String text) {
        if (afterProgressLines) out.println();
        afterProgressLines = false;
        if (!to.user().equals(speaker.current())) out.println("[for " + to.user().id() + "]");
        out.println(text);
        out.println();
        out.flush();
    }
}
