package dev.ecabot.conversation.message;

/**
 * One thing the bot says, in platform-neutral terms. Adapters render each kind their own way; the engine
 * never formats for a platform (plain text only, line breaks allowed, no markup). Renderers go through
 * {@link Visitor}.
 */
public sealed interface ChatMessage
        permits TextMessage, ChoicePrompt, FormPrompt, Summary, Confirmation, ProgressUpdate, RevealOffer,
        ApprovalCard, FileMessage {

    /** Hands this message to the {@code visitor}'s method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of message. A renderer implements it, so a new kind does not compile until every renderer
     * says how it looks (Java 17 has no exhaustive pattern switch): no kind can fall through to an empty card.
     */
    interface Visitor<R> {
        R visitText(TextMessage message);

        R visitChoice(ChoicePrompt message);

        R visitForm(FormPrompt message);

        R visitSummary(Summary message);

        R visitConfirmation(Confirmation message);

        R visitProgress(ProgressUpdate message);

        R visitRevealOffer(RevealOffer message);

        R visitApprovalCard(ApprovalCard message);

        R visitFile(FileMessage message);
    }
}
