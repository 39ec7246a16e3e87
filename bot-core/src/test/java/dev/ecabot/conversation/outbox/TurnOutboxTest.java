package dev.ecabot.conversation.outbox;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.state.ConcurrentChangeException;
import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.store.Database;
import dev.ecabot.store.UnitOfWork;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A turn's state change and the outbox rows of its replies commit together (UnitOfWork): the process dying before
 * the commit leaves neither, after it both, and a send that fails is tried again until it arrives, once.
 */
class TurnOutboxTest {

    private static final ChatUser ALICE = new ChatUser("fake", "U-ALICE", "Alice", null);
    private static final ChatPlace HERE = new ChatPlace("C-GENERAL", null);
    private static final ChatAddress ALICE_HERE = new ChatAddress(ALICE, HERE);
    private static final ConversationKey KEY = new ConversationKey("fake", "U-ALICE", null);
    private static final Outbox.Settings FAST = Outbox.Settings.defaults().withFirstDelay(Duration.ofMillis(50));

    private final OutboxTest.FlakyPlatform platform = new OutboxTest.FlakyPlatform();

    @Test
    void aTurnThatFailsBeforeItsCommitLeavesNeitherTheStateChangeNorItsReply() {
        try (Database db = Database.inMemory("turn-" + UUID.randomUUID());
             Outbox outbox = new Outbox(platform, db.dataSource(), FAST).start()) {
            crashBeforeCommit(db, outbox);
        }
    }

    @Test
    void aTurnThatFailsBeforeItsCommitLeavesNeitherOnPostgres() {
        try (Database db = PostgresTestDatabase.openFreshSchema();
             Outbox outbox = new Outbox(platform, db.dataSource(), FAST).start()) {
            crashBeforeCommit(db, outbox);
        }
    }

    private void crashBeforeCommit(Database db, Outbox outbox) {
        ConversationStore store = new ConversationStore(db.dataSource());

        assertThatThrownBy(() -> UnitOfWork.run(() -> {
            store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now()).withStage(Stage.CHOOSING_ORG, null));
            outbox.post(ALICE_HERE, TextMessage.info("Which org?"));
            throw new IllegalStateException("the process dies here");
        })).hasMessage("the process dies here");

        assertThat(store.find(KEY)).as("state change rolled back").isEmpty();
        assertThat(outbox.count("PENDING") + outbox.count("SENT")).as("its reply was never queued").isZero();
        // The person's next message starts from the state before the turn, and its reply goes out once.
        UnitOfWork.run(() -> {
            store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now()).withStage(Stage.CHOOSING_ORG, null));
            outbox.post(ALICE_HERE, TextMessage.info("Which org?"));
        });
        await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
        await().until(outbox::idle);
        assertThat(platform.delivered(ALICE_HERE)).containsExactly("Which org?");
    }

    @Test
    void aReplyCommittedWithItsStateIsSentOnceByTheNextProcessWhenThisOneDiesBeforeSendingIt() {
        try (Database db = Database.inMemory("turn-" + UUID.randomUUID())) {
            ConversationStore store = new ConversationStore(db.dataSource());
            try (Outbox dying = new Outbox(platform, db.dataSource(), FAST)) { // never starts sending: it dies first
                UnitOfWork.run(() -> {
                    store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now()).withStage(Stage.CHOOSING_ORG, null));
                    dying.post(ALICE_HERE, TextMessage.info("Which org?"));
                });
            }
            assertThat(platform.attempts(ALICE_HERE)).isEmpty();
            assertThat(store.find(KEY)).isPresent();

            try (Outbox next = new Outbox(platform, db.dataSource(), FAST)) {
                next.forgetClaimsOfEarlierProcesses();
                next.start();
                await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
                await().until(next::idle);
                assertThat(platform.delivered(ALICE_HERE)).containsExactly("Which org?");
                assertThat(next.count("SENT")).isEqualTo(1);
            }
        }
    }

    @Test
    void aSendThatFailsAfterTheCommitIsTriedAgainAndArrivesOnce() {
        try (Database db = Database.inMemory("turn-" + UUID.randomUUID());
             Outbox outbox = new Outbox(platform, db.dataSource(), FAST).start()) {
            ConversationStore store = new ConversationStore(db.dataSource());
            platform.failNext(ALICE_HERE, new ChatDeliveryException("http_503", true, null, null));
            platform.failNext(ALICE_HERE, new ChatDeliveryException("timeout", true, null, null));

            UnitOfWork.run(() -> {
                store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now()).withStage(Stage.CHOOSING_ORG, null));
                outbox.post(ALICE_HERE, TextMessage.info("Which org?"));
            });

            await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
            await().until(outbox::idle);
            assertThat(platform.attempts(ALICE_HERE)).hasSize(3);
            assertThat(platform.delivered(ALICE_HERE)).containsExactly("Which org?");
        }
    }

    @Test
    void aStoreFailureTheTurnHandlesRollsBackThatStoreOnlyAndTheRestCommitsOnPostgres() {
        try (Database db = PostgresTestDatabase.openFreshSchema();
             Outbox outbox = new Outbox(platform, db.dataSource(), FAST).start()) {
            ConversationStore store = new ConversationStore(db.dataSource());
            ConversationState first = store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now()));

            UnitOfWork.run(() -> {
                store.save(first.withStage(Stage.CHOOSING_ORG, null));
                // a second insert of the same conversation fails in the database (PostgreSQL would abort the whole
                // transaction); the store's savepoint undoes that statement only
                assertThatThrownBy(() -> store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now())))
                        .isInstanceOf(ConcurrentChangeException.class);
                outbox.post(ALICE_HERE, TextMessage.info("Which org?"));
            });

            assertThat(store.find(KEY).orElseThrow().stage()).isEqualTo(Stage.CHOOSING_ORG);
            await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
        }
    }

    @Test
    void aNestedPartThatFailsIsUndoneAloneAndTheTurnGoesOn() {
        try (Database db = Database.inMemory("turn-" + UUID.randomUUID());
             Outbox outbox = new Outbox(platform, db.dataSource(), FAST).start()) {
            ConversationStore store = new ConversationStore(db.dataSource());

            UnitOfWork.run(() -> {
                store.save(ConversationState.start(KEY, ALICE, HERE, Instant.now()).withStage(Stage.CHOOSING_ORG, null));
                try {
                    UnitOfWork.run(() -> {
                        outbox.post(ALICE_HERE, TextMessage.info("Your app is ready"));
                        throw new IllegalStateException("delivering the result failed");
                    });
                } catch (IllegalStateException expected) {
                    outbox.post(ALICE_HERE, TextMessage.error("I could not finish"));
                }
            });

            await().until(() -> platform.delivered(ALICE_HERE).size() == 1);
            await().until(outbox::idle);
            assertThat(platform.delivered(ALICE_HERE)).containsExactly("Problem: I could not finish");
            assertThat(store.find(KEY)).isPresent();
        }
    }
}
