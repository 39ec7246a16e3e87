package dev.ecabot.conversation;

import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.SecretReveal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform must show at once, in the turn, for one thing a person did; everything else the turn says goes
 * out through the port (the outbox). The adapter only renders it:
 * <ul>
 *   <li>{@link #refusal}: a click refused before anything changed (a bystander pressing someone else's button), for
 *   the clicker only (Slack: an ephemeral message; Teams: their 1:1 chat); the card stays as it was;</li>
 *   <li>{@link #form}: a form to open from the click (Slack: a modal from its trigger id), the submitted form
 *   again with its field errors (Slack: the view_submission ack), or the form that follows an accepted one;</li>
 *   <li>{@link #secret}: a secret released by the vault to the clicker, for a private window (Slack: the modal the
 *   Reveal click opened; Teams: the task/fetch dialog);</li>
 *   <li>{@link #words}: what the engine said to the clicker while such a window is open (why nothing is shown).</li>
 * </ul>
 * The engine fills only the parts the adapter said it can show in this turn ({@link InTurn}).
 */
public record TurnAnswer(Optional<String> refusal, Optional<FormPrompt> form, Optional<SecretReveal> secret,
                         List<String> words) {

    /** What an adapter can show synchronously for the turn it hands the engine. */
    public enum InTurn {
        /** A form opened straight from the click (its trigger is still valid). */
        FORM,
        /** Field errors shown in the form just submitted. */
        FIELD_ERRORS,
        /**
         * The form that follows an accepted one (the questions its answers opened), shown in the same window (Slack:
         * the view_submission ack updates the modal to it).
         */
        NEXT_FORM,
        /** A secret shown in a private window opened by the click. */
        SECRET,
        /** Words for the clicker shown in that window. */
        WORDS
    }

    private static final TurnAnswer HANDLED = new TurnAnswer(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public TurnAnswer {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(secret, "secret");
        words = List.copyOf(words);
    }

    public static TurnAnswer handled() {
        return HANDLED;
    }

    public static TurnAnswer refusedClick(String words) {
        return new TurnAnswer(Optional.of(Objects.requireNonNull(words, "words")), Optional.empty(), Optional.empty(), List.of());
    }

    /** True when the click was refused before anything changed: show {@link #refusal} to the clicker only. */
    public boolean refused() {
        return refusal.isPresent();
    }

    /** The refusal's words (null when the turn was taken). */
    public String refusalWords() {
        return refusal.orElse(null);
    }
}
