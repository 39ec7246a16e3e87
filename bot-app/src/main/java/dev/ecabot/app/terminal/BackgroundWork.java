package dev.ecabot.app.terminal;

import java.time.Duration;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * The engine's background executor in the terminal, counting work in flight so the terminal can wait for a
 * provisioning run to finish before it reads the next line: a piped script then behaves like a patient person.
 * Thread-safe.
 */
public final class BackgroundWork extends AbstractExecutorService {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ecabot-provisioning");
        t.setDaemon(true);
        return t;
    });
    private int inFlight;

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            inFlight++;
        }
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                synchronized (this) {
                    inFlight--;
                    notifyAll();
                }
            }
        });
    }

    /** Waits until no work is running or queued, at most {@code limit}; true when idle. */
    public synchronized boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
