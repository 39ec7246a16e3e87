package dev.ecabot.conversation.message;

/**
 * One thing the bot says, in platform-neutral terms. Adapters render each kind their own way; the engine
 * never formats for a platform (plain text only, line breaks allowed, no markup).
 */
public sealed interface ChatMessage
        permits TextMessage, ChoicePrompt, FormPrompt, Summary, Confirmation, ProgressUpdate, RevealOffer,
        ApprovalCard {
}
