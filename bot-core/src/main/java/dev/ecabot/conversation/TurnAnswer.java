package dev.ecabot.conversation;

import java.util.Objects;

/**
 * What the engine answers for the synchronous part of a turn, for the adapter to show at once: either the turn was
 * taken (everything it says goes out through the port), or a click was refused before anything changed (a bystander
 * pressing a button of someone else's question), with the words to show the clicker only (Slack: an ephemeral
 * message; Teams: a message in their 1:1 chat). A refused click leaves the card as it was.
 */
public record TurnAnswer(boolean refused, String words) {

    private static final TurnAnswer HANDLED = new TurnAnswer(false, null);

    public TurnAnswer {
        if (refused) Objects.requireNonNull(words, "words");
    }

    public static TurnAnswer handled() {
        return HANDLED;
    }

    public static TurnAnswer refusedClick(String words) {
        return new TurnAnswer(true, words);
    }
}
