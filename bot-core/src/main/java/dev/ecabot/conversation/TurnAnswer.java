package dev.ecabot.conversation;

import dev.ecabot.conversation.message.Fact;
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
 *   <li>{@link #answered}: the clicked card has served: its buttons go and these words stay (who chose what), so an
 *   old button cannot be pressed twice; empty leaves the card as it is (an approval card the engine edits itself, a
 *   Reveal offer, a refused click);</li>
 *   <li>{@link #repeated}: the delivery was processed before (a platform's retry): nothing was done, show nothing.</li>
 * </ul>
 * The engine fills only the parts the adapter said it can show in this turn ({@link InTurn}); {@code answered} is
 * for the card the person acted on, which only the adapter knows (Slack's message ts, Teams' replyToId).
 */
public record TurnAnswer(Optional<String> refusal, Optional<FormPrompt> form, Optional<SecretReveal> secret,
                         List<String> words, Optional<Answered> answered, boolean repeated) {

    /**
     * What a clicked card says once it served, in the engine's words: {@code by} (a person in text,
     * {@link dev.ecabot.conversation.message.Person#inText()}) {@code verb} ("chose" a button's {@code choice}, or
     * "answered" a form with its {@code fields}: label and value). Renderers may style the parts, not change them.
     */
    public record Answered(String by, String verb, String choice, List<Fact> fields) {
        public Answered {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(verb, "verb");
            fields = List.copyOf(fields);
        }

        /** The words as plain text ("Ana chose demo", "Ana answered: App name: Altify MCP"). */
        public String text() {
            StringBuilder text = new StringBuilder(by).append(' ').append(verb);
            if (choice != null) text.append(' ').append(choice);
            else if (!fields.isEmpty()) text.append(':');
            for (int i = 0; i < fields.size(); i++) {
                text.append(i == 0 ? " " : "; ").append(fields.get(i).label()).append(": ").append(fields.get(i).value());
            }
            return text.toString();
        }
    }

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

    private static final TurnAnswer HANDLED = new TurnAnswer(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), false);
    private static final TurnAnswer REPEATED = new TurnAnswer(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), true);

    public TurnAnswer {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(secret, "secret");
        words = List.copyOf(words);
        Objects.requireNonNull(answered, "answered");
    }

    /** The turn of a delivery processed before: nothing was done, nothing is to be shown. */
    public static TurnAnswer repeatedDelivery() {
        return REPEATED;
    }

    public static TurnAnswer handled() {
        return HANDLED;
    }

    public static TurnAnswer refusedClick(String words) {
        return new TurnAnswer(Optional.of(Objects.requireNonNull(words, "words")), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), false);
    }

    /** True when the click was refused before anything changed: show {@link #refusal} to the clicker only. */
    public boolean refused() {
        return refusal.isPresent();
    }

    /** The refusal's words (null when the turn was taken). */
    public String refusalWords() {
        return refusal.orElse(null);
    }

    /** This answer, saying the clicked card is done with {@code answered}. */
    public TurnAnswer withAnswered(Optional<Answered> answered) {
        return new TurnAnswer(refusal, form, secret, words, answered, repeated);
    }
}
