package dev.ecabot.vault;

import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import dev.ecabot.testing.MutableClock;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.ecabot.vault.RevealOffersTest.ALICE;
import static dev.ecabot.vault.RevealOffersTest.CREDENTIALS;
import static dev.ecabot.vault.RevealOffersTest.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

/** The reveal flow on PostgreSQL, where several bot instances may race to reveal the same offer. */
class PostgresRevealOffersTest {

    @Test
    void onPostgresAnOfferIsRevealedOnceToItsRequesterEvenWhenTwoRevealsRace() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            RevealOffers offers = new RevealOffers(db.dataSource(), MasterKey.generate(), new AuditTrail(db.dataSource()),
                    clock, Duration.ofHours(24));
            RevealOffer raced = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);
            RevealOffer unrevealed = offers.create(ALICE, "prod", "Other_App", CREDENTIALS);
            assertThat(offers.reveal(raced.offerId(), MALLORY)).isInstanceOf(RevealResult.NotTheRequester.class);

            List<RevealResult> outcomes = revealTwiceAtOnce(offers, raced.offerId());

            assertThat(outcomes).filteredOn(r -> r instanceof RevealResult.Revealed).hasSize(1);
            assertThat(outcomes).filteredOn(r -> r instanceof RevealResult.AlreadyRevealed).hasSize(1);
            clock.advance(Duration.ofHours(24));
            assertThat(offers.expireDue()).extracting(e -> e.offer().offerId()).containsExactly(unrevealed.offerId());
            assertThat(offers.find(raced.offerId()).orElseThrow().revealedBy()).isEqualTo(ALICE);
        }
    }

    static List<RevealResult> revealTwiceAtOnce(RevealOffers offers, String offerId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RevealResult>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return offers.reveal(offerId, ALICE);
                }));
            }
            go.countDown();
            List<RevealResult> outcomes = new ArrayList<>();
            for (Future<RevealResult> f : futures) outcomes.add(f.get(20, TimeUnit.SECONDS));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
