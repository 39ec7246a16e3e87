package dev.ecabot.conversation.engine;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ForwardingChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.TurnAnswer;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.TextMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port one turn answers through: what the adapter can show in the turn ({@link TurnAnswer.InTurn}) and is meant
 * for the person who acted is kept for the {@link TurnAnswer}; everything else goes on to the engine's port. One per
 * turn, used by the thread handling it only.
 */
final class TurnCapture extends ForwardingChatPort {

    private final ChatPort port;
    private final ChatEvent event;
    private final Set<TurnAnswer.InTurn> inTurn;
    private final List<String> words = new ArrayList<>();
    private FormPrompt form;
    private SecretReveal secret;

    TurnCapture(ChatPort port, ChatEvent event, Set<TurnAnswer.InTurn> inTurn) {
        super(port);
        this.port = port;
        this.event = event;
        this.inTurn = Set.copyOf(inTurn);
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        if (to.equals(event.replyTo()) && keep(message)) return new MessageRef(to, "in-turn");
        return port.post(to, message);
    }

    private boolean keep(ChatMessage message) {
        if (message instanceof FormPrompt prompt && form == null && formAnswersThisTurn(prompt)) {
            form = prompt;
            return true;
        }
        if (message instanceof TextMessage text && inTurn.contains(TurnAnswer.InTurn.WORDS)) {
            words.add(PlainText.render(text).strip());
            return true;
        }
        return false;
    }

    /**
     * The submitted form again with its errors (shown in the form still open), the form that follows an accepted
     * one (when the window can show it), or a form asked for by the click itself (Deny's reason, opened from the
     * Deny click). A next question after a click is not: it is a message of its own in the conversation.
     */
    private boolean formAnswersThisTurn(FormPrompt prompt) {
        if (event instanceof ChatEvent.FormSubmission submitted) {
            boolean refused = submitted.formId().equals(prompt.id()) && prompt.fields().stream().anyMatch(f -> f.error() != null);
            return refused ? inTurn.contains(TurnAnswer.InTurn.FIELD_ERRORS)
                    : !submitted.formId().equals(prompt.id()) && inTurn.contains(TurnAnswer.InTurn.NEXT_FORM);
        }
        return event instanceof ChatEvent.Choice && inTurn.contains(TurnAnswer.InTurn.FORM)
                && event.prompt().orElseThrow() == PromptRef.Fixed.APPROVAL;
    }

    /**
     * Into the answer when the click opened a private window for it (the adapter then confirms it shown or not);
     * else the port's own private reveal (the terminal), shown once it returns. A port that cannot show it throws,
     * and the secret stays revealable.
     */
    @Override
    public void reveal(ChatAddress to, SecretReveal reveal) {
        if (to.equals(event.replyTo()) && secret == null && inTurn.contains(TurnAnswer.InTurn.SECRET)) {
            secret = reveal;
            return;
        }
        try {
            port.reveal(to, reveal);
        } catch (RuntimeException e) {
            reveal.receipt().notShown(e.getMessage());
            port.post(to, TextMessage.warning("I could not show " + reveal.label() + " here (" + e.getMessage()
                    + "). Nothing was destroyed: press the Reveal button in my message to see it."));
            return;
        }
        reveal.receipt().shown();
    }

    TurnAnswer answer() {
        return new TurnAnswer(Optional.empty(), Optional.ofNullable(form), Optional.ofNullable(secret), words,
                Optional.empty(), false);
    }
}
