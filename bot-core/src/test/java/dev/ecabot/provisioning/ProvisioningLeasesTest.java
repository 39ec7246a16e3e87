package dev.ecabot.provisioning;

import dev.ecabot.store.Database;
import dev.ecabot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which instance runs a provisioning request: one at a time, taken over only from an instance that stopped renewing. */
class ProvisioningLeasesTest {

    private final Database db = Database.inMemory("leases-" + UUID.randomUUID());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final ProvisioningLeases first = new ProvisioningLeases(db.dataSource(), clock);
    private final ProvisioningLeases second = new ProvisioningLeases(db.dataSource(), clock);

    @AfterEach
    void stop() {
        first.close();
        second.close();
        db.close();
    }

    @Test
    void aRequestRunsOnOneInstanceAndNotTwiceOnTheSameOne() {
        assertThat(first.claim("r1")).isTrue();
        assertThat(first.claim("r1")).as("already running here").isFalse();
        assertThat(second.claim("r1")).as("running on the first instance").isFalse();
        assertThat(second.claim("r2")).isTrue();
    }

    @Test
    void aLiveInstanceKeepsItsRequestsByRenewingAndADeadOneLosesThem() {
        first.claim("r1");
        first.claim("r2");
        clock.advance(Duration.ofSeconds(40));
        first.renewHeld();
        clock.advance(Duration.ofSeconds(40));
        assertThat(second.claim("r1")).as("renewed 40 s ago").isFalse();

        first.close(); // killed: nothing renews any more
        clock.advance(ProvisioningLeases.DEFAULT_LEASE);
        assertThat(second.claim("r1")).isTrue();
        assertThat(second.claim("r2")).isTrue();
    }

    @Test
    void aReleasedRequestCanBeRunAgainAtOnce() {
        first.claim("r1");
        first.release("r1");
        assertThat(first.holds("r1")).isFalse();
        assertThat(second.claim("r1")).isTrue();
        first.release("r1");
        assertThat(first.claim("r1")).as("another instance's claim is not released by this one").isFalse();
    }

    @Test
    void aClaimMadeInATurnThatRolledBackIsGivenUpSoTheNextCreateClickCanRunIt() {
        assertThatThrownBy(() -> dev.ecabot.store.UnitOfWork.run((Runnable) () -> {
            assertThat(first.claim("r-rollback")).isTrue();
            throw new IllegalStateException("the turn failed after claiming");
        })).hasMessageContaining("the turn failed");

        assertThat(first.holds("r-rollback")).isFalse();
        assertThat(second.claim("r-rollback")).isTrue();
    }

    @Test
    void aClaimMadeInATurnThatCommittedStaysHeld() {
        dev.ecabot.store.UnitOfWork.run((Runnable) () -> assertThat(first.claim("r-commit")).isTrue());

        assertThat(first.holds("r-commit")).isTrue();
        assertThat(second.claim("r-commit")).isFalse();
    }

    @Test
    void aLeaseShorterThanThreeSecondsIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> new ProvisioningLeases(db.dataSource(), clock, Duration.ofSeconds(1)))
                .hasMessageContaining("at least 3 s");
    }
}
