package dev.ecabot.testing;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ForwardingChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.store.UnitOfWork;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's port, with the bot's process dying in the next turn that asks a question (a {@link FormPrompt}: the
 * first question of "new altify-mcp demo", sent after the conversation was saved), at a chosen point:
 * <ul>
 *   <li>{@link Point#BEFORE_COMMIT}: while the turn's unit of work is open, so nothing of it commits (what a real
 *   crash does: the database rolls back a transaction whose connection is gone). The question never reaches the
 *   port behind.</li>
 *   <li>{@link Point#AFTER_COMMIT}: right after the unit committed, before anything the turn does after its commit
 *   (waking the outbox's sender, the adapter rendering the turn's answer).</li>
 * </ul>
 * The death is a {@link SimulatedCrash}, an {@link Error}: nothing in the bot catches it, so no warning or clean-up
 * of the dying turn runs, as with a killed process; the thread handling it ends. Thread-safe.
 */
public final class CrashingPort extends ForwardingChatPort {

    public enum Point { BEFORE_COMMIT, AFTER_COMMIT }

    /** The process dying: thrown where the bot would stop. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private final AtomicReference<Point> next = new AtomicReference<>();

    public CrashingPort(ChatPort behind) {
        super(behind);
    }

    /** The next turn that asks a question dies at {@code point}; the turns after it live. */
    public CrashingPort crashNextQuestionAt(Point point) {
        next.set(point);
        return this;
    }

    /** Whether the planned crash has happened. */
    public boolean crashed() {
        return next.get() == null;
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        Point point = message instanceof FormPrompt ? next.getAndSet(null) : null;
        if (point == Point.BEFORE_COMMIT) throw new SimulatedCrash("before the turn's commit");
        if (point == Point.AFTER_COMMIT) {
            if (!UnitOfWork.inProgress()) throw new AssertionError("a turn's question is sent inside its unit of work");
            UnitOfWork.afterCommit(() -> {
                throw new SimulatedCrash("after the turn's commit");
            });
        }
        return super.post(to, message);
    }
}
