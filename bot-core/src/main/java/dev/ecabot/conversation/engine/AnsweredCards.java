package dev.ecabot.conversation.engine;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.TurnAnswer;

import dev.ecabot.conversation.message.Fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's one rule for a card a person acted on, on every platform: once a button or a card's form was taken
 * (not refused, not a repeated delivery, not failed), the card has served and says who chose what, so an old button
 * cannot be pressed twice. Two kinds of card are left alone: an approval card (the engine edits every copy itself after
 * a decision, and refuses some clickers) and a Reveal offer (marked "revealed" only once the secret was shown).
 */
final class AnsweredCards {

    /** What a form field left empty reads as on its answered card. */
    static final String LEFT_EMPTY = "(left empty)";

    private AnsweredCards() {
    }

    static Optional<TurnAnswer.Answered> of(ChatEvent event) {
        String by = event.user().person().inText();
        if (event instanceof ChatEvent.Choice choice) {
            PromptRef prompt = choice.prompt().orElseThrow();
            if (prompt == PromptRef.Fixed.APPROVAL || prompt == PromptRef.Fixed.REVEAL) return Optional.empty();
            return Optional.of(new TurnAnswer.Answered(by, "chose", choice.shown(), List.of()));
        }
        if (event instanceof ChatEvent.FormSubmission form) {
            List<Fact> fields = new ArrayList<>();
            form.values().forEach((id, value) -> fields.add(new Fact(null, form.labels().getOrDefault(id, id),
                    value.isBlank() ? LEFT_EMPTY : value)));
            return Optional.of(new TurnAnswer.Answered(by, "answered", null, fields));
        }
        return Optional.empty();
    }
}
