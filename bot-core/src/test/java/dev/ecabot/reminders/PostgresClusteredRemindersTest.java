package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two bot instances share one PostgreSQL schema, as behind a load balancer: each reminder fires on one of them, once. */
class PostgresClusteredRemindersTest {

    private static final RemindersSettings CLUSTER = RemindersSettings.builder()
            .misfireThreshold(Duration.ofMillis(500))
            .lateAfter(Duration.ofSeconds(5))
            .clusterCheckinInterval(Duration.ofSeconds(1))
            .idleWaitTime(Duration.ofSeconds(1))
            .build();

    @Test
    void twoClusteredInstancesDeliverEachReminderExactlyOnce() throws Exception {
        List<RecordingDelivery.Delivered> delivered = new CopyOnWriteArrayList<>();
        try (Database first = PostgresTestDatabase.openFreshSchema();
             Database second = Database.open(urlOf(first), "postgres", null);
             Reminders nodeA = Reminders.open(first, new RecordingDelivery("A", delivered), CLUSTER);
             Reminders nodeB = Reminders.open(second, new RecordingDelivery("B", delivered), CLUSTER)) {
            nodeA.start();
            nodeB.start();
            assertThat(schedulerInstances(first)).isEqualTo(2);

            List<Reminder> scheduled = new ArrayList<>();
            Instant due = Instant.now().plusMillis(500);
            for (int i = 0; i < 12; i++) {
                Reminder r = Reminder.of(ReminderKind.APP_USABLE, Recipient.requester(ChatUserRef.parse("slack:U_" + i)),
                        "prod", "App_" + i, due.plusMillis(50L * i), "App_" + i + " is usable now.");
                (i % 2 == 0 ? nodeA : nodeB).schedule(r);
                scheduled.add(r);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() >= scheduled.size());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> delivered.size() == scheduled.size());
            assertThat(delivered).extracting(d -> d.reminder().id())
                    .containsExactlyInAnyOrderElementsOf(scheduled.stream().map(Reminder::id).toList());
            assertThat(nodeA.forOrg("prod")).isEmpty();
        }
    }

    private static String urlOf(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            String base = PostgresTestDatabase.requireServer();
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + c.getSchema();
        }
    }

    private static int schedulerInstances(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM qrtz_scheduler_state")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
