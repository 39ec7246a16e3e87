package dev.ecabot.slack;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack event ids taken in once, whichever instance (sharing the database) sees the delivery first. */
class ProcessedEventsTest {

    @Test
    void onH2OnlyTheFirstOfManySimultaneousDeliveriesIsTakenIn() throws Exception {
        try (Database db = Database.inMemory("events-" + UUID.randomUUID())) {
            assertOnlyOneWins(db);
        }
    }

    @Test
    void onPostgresqlOnlyTheFirstOfManySimultaneousDeliveriesIsTakenIn() throws Exception {
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            assertOnlyOneWins(db);
        }
    }

    @Test
    void idsOlderThanADayAreForgotten() {
        try (Database db = Database.inMemory("events-" + UUID.randomUUID())) {
            Instant start = Instant.parse("2026-03-02T10:00:00Z");
            assertThat(new ProcessedEvents(db.dataSource(), Clock.fixed(start, ZoneOffset.UTC)).firstDelivery("Ev0OLD")).isTrue();
            ProcessedEvents later = new ProcessedEvents(db.dataSource(),
                    Clock.fixed(start.plus(ProcessedEvents.RETENTION).plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
            assertThat(later.firstDelivery("Ev0NEW")).isTrue();
            assertThat(later.firstDelivery("Ev0OLD")).as("purged, so new again").isTrue();
            assertThat(later.firstDelivery("Ev0NEW")).isFalse();
        }
    }

    private static void assertOnlyOneWins(Database db) throws Exception {
        // Two instances of the bot, one database.
        ProcessedEvents first = new ProcessedEvents(db.dataSource(), Clock.systemUTC());
        ProcessedEvents second = new ProcessedEvents(db.dataSource(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> deliveries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ProcessedEvents instance = i % 2 == 0 ? first : second;
                deliveries.add(() -> instance.firstDelivery("Ev0SAME"));
            }
            int taken = 0;
            for (Future<Boolean> f : pool.invokeAll(deliveries)) if (f.get()) taken++;
            assertThat(taken).isEqualTo(1);
            assertThat(first.firstDelivery("Ev0OTHER")).isTrue();
            assertThat(second.firstDelivery("Ev0OTHER")).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
