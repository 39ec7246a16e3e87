package dev.ecabot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the conversation engine behaves: how long an unanswered conversation lives (default 1 hour), the clock
 * (default: system UTC), the time zone times are shown in (default: the system's), and the executor that runs
 * provisioning off the chat thread (default: a small daemon pool). Immutable; build with {@link #builder()}.
 */
public record EngineSettings(Duration idleTimeout, Clock clock, ZoneId displayZone, ExecutorService background) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

    public static Builder builder() {
        return new Builder();
    }

    public static EngineSettings defaults() {
        return builder().build();
    }

    /** Validates each setting as it is set, naming the limit. */
    public static final class Builder {
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private ZoneId displayZone = ZoneId.systemDefault();
        private ExecutorService background;

        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "idleTimeout");
            if (timeout.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("idleTimeout must be at least 1 minute; got " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder displayZone(ZoneId zone) {
            this.displayZone = Objects.requireNonNull(zone, "displayZone");
            return this;
        }

        /** Runs provisioning; the engine does not shut it down (its owner does). */
        public Builder background(ExecutorService executor) {
            this.background = Objects.requireNonNull(executor, "background");
            return this;
        }

        public EngineSettings build() {
            ExecutorService executor = background != null ? background : Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "ecabot-provisioning");
                t.setDaemon(true);
                return t;
            });
            return new EngineSettings(idleTimeout, clock, displayZone, executor);
        }
    }
}
