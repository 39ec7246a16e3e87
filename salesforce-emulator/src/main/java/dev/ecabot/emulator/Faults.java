package dev.ecabot.emulator;

import dev.ecabot.emulator.auth.Sessions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault injection for tests: answer the next requests with a server error, drop the next connections without
 * answering, slow deploys down, or expire every session. Faults apply to whichever requests come next,
 * token requests included. Thread-safe.
 */
public final class Faults {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private final AtomicReference<String> armingMethod = new AtomicReference<>();
    private final AtomicInteger armedFailures = new AtomicInteger();
    private final AtomicReference<Duration> deployDelay;
    private final Sessions sessions;

    Faults(Duration deployDelay, Sessions sessions) {
        this.deployDelay = new AtomicReference<>(deployDelay);
        this.sessions = sessions;
    }

    /** The next {@code count} requests answer {@code status} (500, 502, 503...) without doing anything. */
    public Faults failNextRequests(int count, int status) {
        if (count < 0 || status < 500 || status > 599) {
            throw new IllegalArgumentException("count must be >= 0 and status a 5xx code, got " + count + ", " + status);
        }
        failureStatus.set(status);
        failuresLeft.set(count);
        return this;
    }

    /**
     * Once the next request with {@code method} (e.g. "PATCH") has been answered normally, the {@code count}
     * requests after it answer {@code status}: a failure in the middle of a multi-step operation.
     */
    public Faults failRequestsAfterNext(String method, int count, int status) {
        failNextRequests(0, status);
        armedFailures.set(count);
        armingMethod.set(method);
        return this;
    }

    /** Called after a request was answered: arms the failures waiting for that method. */
    void answered(String method) {
        if (method.equals(armingMethod.get()) && armingMethod.compareAndSet(method, null)) {
            failuresLeft.set(armedFailures.get());
        }
    }

    /** The next {@code count} requests have their connection closed without any answer. */
    public Faults dropNextConnections(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        dropsLeft.set(count);
        return this;
    }

    /** How long deploys queued from now on take to finish (Pending for the first half, half a second at most). */
    public Faults deployDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("deploy delay must not be negative, got " + delay);
        }
        deployDelay.set(delay);
        return this;
    }

    /** Ends every open session: the next call with an old token answers 401 INVALID_SESSION_ID. */
    public Faults expireAllSessions() {
        sessions.expireAll();
        return this;
    }

    Duration deployDelay() {
        return deployDelay.get();
    }

    /** The status to fail this request with, if a failure is due. */
    Optional<Integer> takeFailure() {
        return failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.of(failureStatus.get()) : Optional.empty();
    }

    boolean takeDrop() {
        return dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
