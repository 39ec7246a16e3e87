package dev.ecabot.vault;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import dev.ecabot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reveal offers' behaviour (on H2; the PostgreSQL paths in PostgresRevealOffersTest). */
class RevealOffersTest {

    static final ChatUserRef ALICE = ChatUserRef.parse("slack:U_ALICE");
    static final ChatUserRef MALLORY = ChatUserRef.parse("slack:U_MALLORY");
    static final ConsumerCredentials CREDENTIALS =
            new ConsumerCredentials("3MVG9rZjd7MXFdLh", Secret.of("C0NSUMER-SECRET-8B1F3C0DDEADBEEF"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Database db = Database.inMemory("vault-" + UUID.randomUUID());
    private final MasterKey key = MasterKey.generate();
    private final AuditTrail audit = new AuditTrail(db.dataSource());
    private final RevealOffers offers = new RevealOffers(db.dataSource(), key, audit, clock, Duration.ofHours(24));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void releasedCredentialsAreDestroyedOnlyOnceTheWindowShowingThemWasAccepted() {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);

        assertThat(offers.release(offer.offerId(), ALICE)).isInstanceOf(RevealResult.Revealed.class);
        assertThat(offers.find(offer.offerId()).orElseThrow().state()).isEqualTo(RevealOffer.State.OPEN);
        // A second click while the first window is being shown gets nothing: the secret is revealed once.
        RevealResult doubleClick = offers.release(offer.offerId(), ALICE);
        assertThat(doubleClick).isInstanceOf(RevealResult.BeingShown.class);
        assertThat(doubleClick.message()).contains("already revealed in the window your other click opened");

        offers.shown(offer.offerId(), ALICE);

        assertThat(offers.find(offer.offerId()).orElseThrow().state()).isEqualTo(RevealOffer.State.REVEALED);
        assertThat(offers.release(offer.offerId(), ALICE)).isInstanceOf(RevealResult.AlreadyRevealed.class);
    }

    @Test
    void aWindowThePlatformRefusedLeavesTheOfferRevealable() {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);
        offers.release(offer.offerId(), ALICE);

        offers.notShown(offer.offerId(), ALICE, "not_found");

        assertThat(offers.find(offer.offerId()).orElseThrow().state()).isEqualTo(RevealOffer.State.OPEN);
        RevealResult again = offers.release(offer.offerId(), ALICE);
        assertThat(again).isInstanceOf(RevealResult.Revealed.class);
        assertThat(((RevealResult.Revealed) again).credentials().consumerSecret()).isEqualTo(CREDENTIALS.consumerSecret());
        assertThat(audit.recent(20)).anySatisfy(e -> assertThat(e.detail()).contains("not shown").contains("not_found"));
    }

    @Test
    void credentialsReleasedByAProcessThatDiedBeforeShowingThemAreRevealableAfterAMinute() {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);
        offers.release(offer.offerId(), ALICE); // ...and the process died: nobody says shown or not shown

        assertThat(offers.release(offer.offerId(), ALICE)).isInstanceOf(RevealResult.BeingShown.class);
        clock.advance(RevealOffers.SHOWING);

        assertThat(offers.release(offer.offerId(), ALICE)).isInstanceOf(RevealResult.Revealed.class);
    }

    @Test
    void theRequesterSeesTheCredentialsOnceAndThenTheyAreGone() throws Exception {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);
        clock.advance(Duration.ofMinutes(5));

        RevealResult first = offers.reveal(offer.offerId(), ALICE);
        assertThat(first).isInstanceOf(RevealResult.Revealed.class);
        ConsumerCredentials shown = ((RevealResult.Revealed) first).credentials();
        assertThat(shown.consumerKey()).isEqualTo("3MVG9rZjd7MXFdLh");
        assertThat(shown.consumerSecret()).isEqualTo(CREDENTIALS.consumerSecret());
        assertThat(first.message()).doesNotContain("DEADBEEF");

        RevealResult second = offers.reveal(offer.offerId(), ALICE);
        assertThat(second).isInstanceOf(RevealResult.AlreadyRevealed.class);
        assertThat(second.message()).contains("already revealed at 2026-03-02T09:05:00Z").contains("rotate Tableau_Cloud");

        RevealOffer after = offers.find(offer.offerId()).orElseThrow();
        assertThat(after.state()).isEqualTo(RevealOffer.State.REVEALED);
        assertThat(after.revealedBy()).isEqualTo(ALICE);
        assertThat(after.closedAt()).isEqualTo(Instant.parse("2026-03-02T09:05:00Z"));
        assertThat(sealedColumn(offer.offerId())).isNull();
    }

    @Test
    void someoneElseIsRefusedAndTheOfferStaysForTheRequester() {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);

        RevealResult refused = offers.reveal(offer.offerId(), MALLORY);
        assertThat(refused).isInstanceOf(RevealResult.NotTheRequester.class);
        assertThat(refused.message()).startsWith("Only the person who asked");

        assertThat(offers.reveal(offer.offerId(), ALICE)).isInstanceOf(RevealResult.Revealed.class);
        assertThat(audit.forApp("prod", "Tableau_Cloud")).extracting(AuditEvent::actor).containsExactly(MALLORY, ALICE);
    }

    @Test
    void anOfferNotRevealedInTimeIsDestroyedAndTheRequesterToldToRotate() throws Exception {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);
        RevealOffer fresh = offers.create(ALICE, "prod", "Other_App", CREDENTIALS);
        clock.advance(Duration.ofHours(23));
        RevealOffer later = offers.create(ALICE, "prod", "Later_App", CREDENTIALS);
        clock.advance(Duration.ofHours(1));
        assertThat(offers.reveal(fresh.offerId(), ALICE)).isInstanceOf(RevealResult.Expired.class);

        List<ExpiredOffer> expired = offers.expireDue();

        assertThat(expired).extracting(e -> e.offer().offerId()).containsExactly(offer.offerId());
        assertThat(expired.get(0).offer().requester()).isEqualTo(ALICE);
        assertThat(expired.get(0).message()).contains("Tableau_Cloud").contains("ask a bot admin")
                .contains("`rotate Tableau_Cloud prod`");
        assertThat(sealedColumn(offer.offerId())).isNull();
        assertThat(sealedColumn(later.offerId())).isNotNull();
        assertThat(offers.reveal(offer.offerId(), ALICE).message()).contains("expired").contains("Ask a bot admin").contains("rotate Tableau_Cloud prod");
        assertThat(offers.expireDue()).isEmpty();
        assertThat(audit.forApp("prod", "Tableau_Cloud")).extracting(AuditEvent::kind).containsExactly(AuditKind.EXPIRY);
    }

    @Test
    void twoSimultaneousRevealsShowTheCredentialsOnlyOnce() throws Exception {
        RevealOffer offer = offers.create(ALICE, "prod", "Tableau_Cloud", CREDENTIALS);
        List<RevealResult> outcomes = PostgresRevealOffersTest.revealTwiceAtOnce(offers, offer.offerId());
        assertThat(outcomes).filteredOn(r -> r instanceof RevealResult.Revealed).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r instanceof RevealResult.AlreadyRevealed).hasSize(1);
    }

    @Test
    void anUnknownOfferIsSaidToBeUnknown() {
        assertThat(offers.reveal("no-such-offer", ALICE)).isInstanceOf(RevealResult.NoSuchOffer.class);
    }

    @Test
    void aRowWhoseCiphertextWasSwappedWithAnotherOffersShowsNothing() throws Exception {
        RevealOffer a = offers.create(ALICE, "prod", "App_A", CREDENTIALS);
        RevealOffer b = offers.create(ALICE, "prod", "App_B", new ConsumerCredentials("other", Secret.of("other")));
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().executeUpdate("UPDATE reveal_offers SET sealed_credentials = '" + sealedColumn(b.offerId())
                    + "' WHERE offer_id = '" + a.offerId() + "'");
        }
        RevealResult result = offers.reveal(a.offerId(), ALICE);
        assertThat(result).isInstanceOf(RevealResult.Unreadable.class);
        assertThat(result.message()).contains("cannot be opened").contains("rotate App_A");
        assertThat(offers.find(a.offerId()).orElseThrow().state()).isEqualTo(RevealOffer.State.OPEN);
    }

    @Test
    void aZeroWindowIsRefused() {
        assertThatThrownBy(() -> new RevealOffers(db.dataSource(), key, audit, clock, Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    private String sealedColumn(String offerId) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT sealed_credentials FROM reveal_offers WHERE offer_id = '" + offerId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
