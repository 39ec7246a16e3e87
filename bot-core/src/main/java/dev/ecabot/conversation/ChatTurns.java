package dev.ecabot.conversation;

/**
 * The engine's entry point for adapters that can answer a person privately and at once: each turn returns a
 * {@link TurnAnswer}. {@link ConversationEngine} implements it; an adapter given only a {@code Consumer<ChatEvent>}
 * treats every turn as taken.
 */
@FunctionalInterface
public interface ChatTurns {

    TurnAnswer answer(ChatEvent event);
}
