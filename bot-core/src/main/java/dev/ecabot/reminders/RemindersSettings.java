package dev.ecabot.reminders;

import java.time.Duration;

/**
 * How the reminder scheduler runs. Defaults: misfire threshold 60 s (Quartz's), a reminder counts as late
 * 60 s after its due time, failed deliveries retried every 5 min, 8 worker threads, up to 10 triggers
 * acquired per pass (Quartz acquires at most as many triggers as it has free threads, so with 2 threads the batch
 * was 2: 1,000 reminders due at once drained 17-38x slower than Quartz's RAMJobStore, 3-6x with 8; see
 * docs/performance.md), cluster check-in every 15 s, clustered on PostgreSQL and not on H2. Immutable; built by
 * {@link #builder()}, which validates each value as it is set.
 */
public record RemindersSettings(Duration misfireThreshold, Duration lateAfter, Duration retryDelay, int threadCount,
                                int acquireBatchSize, Duration clusterCheckinInterval, Duration idleWaitTime,
                                Boolean clustered) {

    public static RemindersSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether to run clustered on a database of {@code vendor} ("h2" or "postgresql"). */
    boolean clusteredOn(String vendor) {
        return clustered != null ? clustered : vendor.equals("postgresql");
    }

    public static final class Builder {
        private Duration misfireThreshold = Duration.ofSeconds(60);
        private Duration lateAfter = Duration.ofSeconds(60);
        private Duration retryDelay = Duration.ofMinutes(5);
        private int threadCount = 8;
        private int acquireBatchSize = 10;
        private Duration clusterCheckinInterval = Duration.ofSeconds(15);
        private Duration idleWaitTime = Duration.ofSeconds(30);
        private Boolean clustered;

        private Builder() {
        }

        public Builder misfireThreshold(Duration d) {
            misfireThreshold = atLeast("misfireThreshold", d, Duration.ofMillis(100));
            return this;
        }

        public Builder lateAfter(Duration d) {
            lateAfter = atLeast("lateAfter", d, Duration.ZERO);
            return this;
        }

        public Builder retryDelay(Duration d) {
            retryDelay = atLeast("retryDelay", d, Duration.ofMillis(100));
            return this;
        }

        public Builder threadCount(int n) {
            if (n < 1 || n > 20) throw new IllegalArgumentException("threadCount must be 1-20; got " + n);
            threadCount = n;
            return this;
        }

        public Builder acquireBatchSize(int n) {
            if (n < 1 || n > 100) throw new IllegalArgumentException("acquireBatchSize must be 1-100; got " + n);
            acquireBatchSize = n;
            return this;
        }

        public Builder clusterCheckinInterval(Duration d) {
            clusterCheckinInterval = atLeast("clusterCheckinInterval", d, Duration.ofMillis(500));
            return this;
        }

        public Builder idleWaitTime(Duration d) {
            idleWaitTime = atLeast("idleWaitTime", d, Duration.ofSeconds(1));   // Quartz refuses less
            return this;
        }

        /** Force clustering on or off; by default it follows the database (PostgreSQL: on). */
        public Builder clustered(boolean on) {
            clustered = on;
            return this;
        }

        public RemindersSettings build() {
            return new RemindersSettings(misfireThreshold, lateAfter, retryDelay, threadCount, acquireBatchSize,
                    clusterCheckinInterval, idleWaitTime, clustered);
        }

        private static Duration atLeast(String name, Duration d, Duration min) {
            if (d == null || d.compareTo(min) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + min.toMillis() + " ms; got " + d);
            }
            return d;
        }
    }
}
