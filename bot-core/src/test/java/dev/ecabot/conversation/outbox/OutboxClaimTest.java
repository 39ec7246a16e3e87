package dev.ecabot.conversation.outbox;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two outbox workers (two bot instances) on one database, and a platform that asks for a wait longer than the
 * outbox's claim: the message is sent once. On H2 (two workers in one process) and PostgreSQL (two pools).
 */
class OutboxClaimTest {

    private static final ChatAddress ALICE_HERE = new ChatAddress(new ChatUser("fake", "U-ALICE", "Alice", null),
            new ChatPlace("C-GENERAL", null));
    /** A claim shorter than the Retry-After below. */
    private static final Outbox.Settings SHORT_CLAIM = Outbox.Settings.defaults()
            .withFirstDelay(Duration.ofMillis(50)).withClaim(Duration.ofSeconds(1));
    private static final ChatDeliveryException RATE_LIMITED =
            new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(2), null);

    @Test
    void aRetryAfterLongerThanTheClaimIsWaitedOutByOneInstanceOnH2() {
        try (Database db = Database.inMemory("claim-" + UUID.randomUUID())) {
            sentOnceWhileOneInstanceWaits(db.dataSource(), db.dataSource());
        }
    }

    @Test
    void aRetryAfterLongerThanTheClaimIsWaitedOutByOneInstanceOnPostgres() throws Exception {
        try (Database first = PostgresTestDatabase.openFreshSchema();
             Database second = Database.open(PostgresOutboxTest.urlOf(first), "postgres", null)) {
            sentOnceWhileOneInstanceWaits(first.dataSource(), second.dataSource());
        }
    }

    @Test
    void anInstanceWhoseClaimWasTakenDuringItsWaitDoesNotSendAgainOnH2() throws Exception {
        try (Database db = Database.inMemory("claim-" + UUID.randomUUID())) {
            takenOverDuringTheWaitIsSentOnce(db.dataSource(), db.dataSource());
        }
    }

    @Test
    void anInstanceWhoseClaimWasTakenDuringItsWaitDoesNotSendAgainOnPostgres() throws Exception {
        try (Database first = PostgresTestDatabase.openFreshSchema();
             Database second = Database.open(PostgresOutboxTest.urlOf(first), "postgres", null)) {
            takenOverDuringTheWaitIsSentOnce(first.dataSource(), second.dataSource());
        }
    }

    /** Both instances poll from the start; the one that meets the 429 waits 2 s or more, past its 1 s claim. */
    private static void sentOnceWhileOneInstanceWaits(DataSource a, DataSource b) {
        OutboxTest.FlakyPlatform platform = new OutboxTest.FlakyPlatform();
        platform.failNext(ALICE_HERE, RATE_LIMITED);
        try (Outbox first = new Outbox(platform, a, SHORT_CLAIM).start();
             Outbox second = new Outbox(platform, b, SHORT_CLAIM).start()) {
            first.post(ALICE_HERE, TextMessage.info("Your app is ready"));

            await().atMost(Duration.ofSeconds(30)).until(() -> platform.delivered(ALICE_HERE).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.idle() && second.idle());
            assertThat(platform.attempts(ALICE_HERE)).as("one refused try, one delivery").hasSize(2);
            assertThat(platform.delivered(ALICE_HERE)).containsExactly("Your app is ready");
            assertThat(first.count("SENT")).isEqualTo(1);
        }
    }

    /**
     * The first instance meets the 429 and waits; its renewal of the claim is lost (what a database error in the retry
     * listener, or a pause longer than the claim, leaves behind), so the second instance takes the row and sends it.
     * When the first one's wait ends it must see the row is no longer its own.
     */
    private static void takenOverDuringTheWaitIsSentOnce(DataSource a, DataSource b) throws Exception {
        OutboxTest.FlakyPlatform platform = new OutboxTest.FlakyPlatform();
        platform.failNext(ALICE_HERE, RATE_LIMITED);
        try (Outbox first = new Outbox(platform, a, SHORT_CLAIM).start()) {
            first.post(ALICE_HERE, TextMessage.info("Your app is ready"));
            await().atMost(Duration.ofSeconds(10)).until(() -> attemptsRecorded(a) == 1); // waiting for Retry-After now
            loseTheClaim(a);
            try (Outbox second = new Outbox(platform, b, SHORT_CLAIM).start()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> platform.delivered(ALICE_HERE).size() == 1);
                // the first instance's wait (2 s at least, from the 429) ends after this: it must leave the row alone
                await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(4)).until(first::idle);
                assertThat(platform.attempts(ALICE_HERE)).as("the 429, then the second instance's send only").hasSize(2);
                assertThat(platform.delivered(ALICE_HERE)).containsExactly("Your app is ready");
                assertThat(first.count("SENT")).isEqualTo(1);
                assertThat(first.count("DEAD")).isZero();
            }
        }
    }

    private static int attemptsRecorded(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT attempts FROM chat_outbox")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void loseTheClaim(DataSource ds) throws Exception {
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(1));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE chat_outbox SET next_attempt_at = ?, claimed_until = ? WHERE status = 'PENDING'")) {
            ps.setTimestamp(1, past);
            ps.setTimestamp(2, past);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
