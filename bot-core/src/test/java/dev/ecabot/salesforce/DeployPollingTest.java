package dev.ecabot.salesforce;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The waits between polls of a running deploy: growing from the first wait, never past the longest. */
class DeployPollingTest {

    @Test
    void theDefaultWaitsGrowByHalfFromOneSecondUpToTen() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(DeployPolling.DEFAULT::delayBefore).map(Duration::toMillis))
                .containsExactly(1000L, 1500L, 2250L, 3375L, 5062L, 7593L, 10000L, 10000L);
    }

    @Test
    void aFactorOfOneWaitsTheSameEachTime() {
        DeployPolling steady = new DeployPolling(Duration.ofMillis(10), 1.0, Duration.ofMillis(10), Duration.ofMillis(100));
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(steady::delayBefore)).containsOnly(Duration.ofMillis(10));
    }
}
