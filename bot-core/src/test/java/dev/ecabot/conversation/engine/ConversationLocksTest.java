package dev.ecabot.conversation.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationLocksTest {

    private final ConversationLocks locks = new ConversationLocks();

    @Test
    void aTurnOfAnotherConversationGoesOnWhileOneRunsEvenWhenTheirKeysHashAlike() throws Exception {
        assertThat("slack|Aa|".hashCode()).isEqualTo("slack|BB|".hashCode()); // a shared stripe would make them wait
        try (ConversationLocks.Turn alice = locks.lock("slack|Aa|")) {
            CompletableFuture<Boolean> bob = CompletableFuture.supplyAsync(() -> {
                try (ConversationLocks.Turn turn = locks.lock("slack|BB|")) {
                    return true;
                }
            });
            assertThat(bob.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSecondTurnOfOneConversationStartsOnlyAfterTheFirstEnds() throws Exception {
        StringBuffer order = new StringBuffer();
        CountDownLatch secondAsked = new CountDownLatch(1);
        CompletableFuture<Void> second;
        try (ConversationLocks.Turn first = locks.lock("slack|U1|")) {
            second = CompletableFuture.runAsync(() -> {
                secondAsked.countDown();
                try (ConversationLocks.Turn turn = locks.lock("slack|U1|")) {
                    order.append("second");
                }
            });
            assertThat(secondAsked.await(30, TimeUnit.SECONDS)).isTrue();
            order.append("first,");
        }
        second.get(30, TimeUnit.SECONDS);
        assertThat(order).hasToString("first,second");
    }

    @Test
    void noLockIsKeptForAConversationWithoutATurnRunning() {
        for (int i = 0; i < 1000; i++) {
            try (ConversationLocks.Turn turn = locks.lock("slack|U" + i + "|")) {
                assertThat(locks.inUse()).isEqualTo(1);
            }
        }
        assertThat(locks.inUse()).isZero();
    }

    @Test
    void oneThreadMayTakeItsConversationAgainInsideItsTurn() {
        try (ConversationLocks.Turn outer = locks.lock("slack|U1|");
             ConversationLocks.Turn inner = locks.lock("slack|U1|")) {
            assertThat(locks.inUse()).isEqualTo(1);
        }
        assertThat(locks.inUse()).isZero();
    }
}
