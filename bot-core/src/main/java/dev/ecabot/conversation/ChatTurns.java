package dev.ecabot.conversation;

import java.util.Set;

/**
 * The engine's entry point for adapters: each turn returns a {@link TurnAnswer} with what the platform must show at
 * once. The adapter says what it can show synchronously for this turn ({@link TurnAnswer.InTurn}: a Slack click has
 * a trigger for a modal, a Teams task/fetch answers with a dialog); the engine puts only that in the answer and sends
 * everything else through its port. {@link dev.ecabot.conversation.engine.ConversationEngine} implements it.
 */
@FunctionalInterface
public interface ChatTurns {

    TurnAnswer answer(ChatEvent event, Set<TurnAnswer.InTurn> inTurn);

    /**
     * A turn of a delivery the platform may repeat: {@code delivery} is recorded in the same unit of work as the
     * turn, so the turn happens once however often it is delivered; a repeat answers
     * {@link TurnAnswer#repeatedDelivery()}. (The engine does the turn's own work in that unit; this default, for
     * entry points that are not the engine, wraps the whole call.)
     */
    default TurnAnswer answer(ChatEvent event, Set<TurnAnswer.InTurn> inTurn, InboundDelivery delivery) {
        return dev.ecabot.store.UnitOfWork.run(() -> delivery.recordOnce() ? answer(event, inTurn)
                : TurnAnswer.repeatedDelivery());
    }

    /** A turn of which nothing but a refused click is answered in the turn: the rest goes through the port. */
    default TurnAnswer answer(ChatEvent event) {
        return answer(event, Set.of());
    }

    /** {@code user}'s overview for a platform's home surface (Slack's App Home), when the engine keeps one. */
    default java.util.Optional<dev.ecabot.conversation.message.HomeView> home(ChatUser user) {
        return java.util.Optional.empty();
    }

    /**
     * As {@link #home(ChatUser)}, a later page of its lists: the apps from the {@code appsFrom}th (0 = newest), the
     * approval requests from the {@code approvalsFrom}th (a "More" button on the home asks for them).
     */
    default java.util.Optional<dev.ecabot.conversation.message.HomeView> home(ChatUser user, int appsFrom, int approvalsFrom) {
        return home(user);
    }
}
