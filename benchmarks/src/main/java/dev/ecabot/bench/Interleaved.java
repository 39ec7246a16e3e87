package dev.ecabot.bench;

import java.time.Duration;

/**
 * Measures the bot and its floor alternately (bot first, then floor first, and so on), after one unmeasured
 * round, until {@code rounds} are done or {@code budget} has passed (at least 3 rounds), so both see the same
 * machine at the same moments.
 */
public final class Interleaved {

    /** One side of a pair: does the work once. */
    public interface Work {
        void run() throws Exception;
    }

    public record Result(Samples bot, Samples floor) { }

    private Interleaved() {
    }

    public static Result run(int rounds, Duration budget, Work bot, Work floor) throws Exception {
        return run(rounds, budget, true, bot, floor);
    }

    /** As {@link #run(int, Duration, Work, Work)}; {@code warmUp} false skips the unmeasured round (long work). */
    public static Result run(int rounds, Duration budget, boolean warmUp, Work bot, Work floor) throws Exception {
        if (warmUp) {
            bot.run();
            floor.run();
        }
        Samples b = new Samples();
        Samples f = new Samples();
        long deadline = System.nanoTime() + budget.toNanos();
        for (int i = 0; i < rounds && (i < Math.min(3, rounds) || System.nanoTime() < deadline); i++) {
            if (i % 2 == 0) {
                b.add(time(bot));
                f.add(time(floor));
            } else {
                f.add(time(floor));
                b.add(time(bot));
            }
        }
        return new Result(b, f);
    }

    public static long time(Work work) throws Exception {
        long t = System.nanoTime();
        work.run();
        return System.nanoTime() - t;
    }
}
