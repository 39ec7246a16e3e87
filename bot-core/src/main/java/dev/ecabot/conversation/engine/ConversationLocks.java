package dev.ecabot.conversation.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per conversation that has a turn running or waiting: two turns of one conversation take turns, turns of
 * different conversations never wait for each other. (A fixed set of 64 shared locks made unrelated people whose
 * keys hashed alike queue behind each other's whole turn, database and Salesforce calls included: a quarter of the
 * chat threads' time with 1,000 conversations at once, docs/performance.md.) A lock lives only while someone holds
 * or waits for it, so 10,000 idle conversations hold none. Thread-safe; reentrant on one thread.
 */
final class ConversationLocks {

    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    /** A taken lock; {@link #close()} gives it back (once). */
    final class Turn implements AutoCloseable {
        private final String key;
        private final Held lock;

        private Turn(String key, Held lock) {
            this.key = key;
            this.lock = lock;
        }

        @Override
        public void close() {
            lock.lock.unlock();
            // the last one out removes it; a turn that arrived meanwhile counted itself in, so it stays
            held.computeIfPresent(key, (k, h) -> --h.users == 0 ? null : h);
        }
    }

    private static final class Held {
        final ReentrantLock lock = new ReentrantLock();
        int users; // holders and waiters; changed only inside the map's compute for this key
    }

    /** Waits until no other turn of conversation {@code key} runs, then holds it until the result is closed. */
    Turn lock(String key) {
        Held h = held.compute(key, (k, existing) -> {
            Held counted = existing == null ? new Held() : existing;
            counted.users++;
            return counted;
        });
        h.lock.lock();
        return new Turn(key, h);
    }

    /** How many conversations have a turn running or waiting now. */
    int inUse() {
        return held.size();
    }
}
