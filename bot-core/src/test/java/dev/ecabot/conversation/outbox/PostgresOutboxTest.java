package dev.ecabot.conversation.outbox;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bot instances sharing one PostgreSQL outbox: every message is sent once (not by both), each conversation's
 * messages arrive in the order they were written, even while one conversation is rate-limited.
 */
class PostgresOutboxTest {

    @Test
    void twoInstancesSendEveryMessageOnceAndInOrder() throws Exception {
        OutboxTest.FlakyPlatform platform = new OutboxTest.FlakyPlatform();
        List<ChatAddress> places = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            places.add(new ChatAddress(new ChatUser("fake", "U" + p, "Person " + p, null), new ChatPlace("C" + p, null)));
        }
        platform.failNext(places.get(0), new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(1), null));
        Outbox.Settings fast = Outbox.Settings.defaults().withFirstDelay(Duration.ofMillis(50));
        try (Database first = PostgresTestDatabase.openFreshSchema();
             Database second = Database.open(urlOf(first), "postgres", null);
             Outbox a = new Outbox(platform, first.dataSource(), fast).start();
             Outbox b = new Outbox(platform, second.dataSource(), fast).start()) {
            for (int i = 0; i < 10; i++) {
                for (int p = 0; p < places.size(); p++) {
                    (i % 2 == 0 ? a : b).post(places.get(p), TextMessage.info("message " + i));
                }
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> places.stream().allMatch(p -> platform.delivered(p).size() >= 10));
            await().atMost(Duration.ofSeconds(10)).until(() -> a.idle() && b.idle());
            for (ChatAddress place : places) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 10; i++) expected.add("message " + i);
                assertThat(platform.delivered(place)).as("lost or doubled or out of order in %s", place.place().channelId())
                        .containsExactlyElementsOf(expected);
            }
            assertThat(a.count("SENT")).isEqualTo(30);
        }
    }

    static String urlOf(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            String base = PostgresTestDatabase.requireServer();
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + c.getSchema();
        }
    }
}
