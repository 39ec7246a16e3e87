package dev.ecabot.conversation.outbox;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * JMH: the outbox's poll query (the oldest due row of each destination nobody holds) over 10,000 pending rows in
 * 100 conversations on H2, as at the start of the outbox figure; the sender runs it after every send. In this
 * package because the store is the outbox's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxClaimQueryBenchmark {

    private Database db;
    private OutboxStore store;

    @Setup
    public void setUp() {
        db = Database.inMemory("jmh-outbox-" + UUID.randomUUID());
        store = new OutboxStore(db.dataSource());
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            ChatAddress to = ChatAddress.channel("bench", "C" + i % 100);
            store.add(Outbox.destinationOf(to), OutboxStore.Kind.POST, to, TextMessage.info("message " + i), null, null,
                    false, now, now.plusSeconds(3600));
        }
    }

    @Benchmark
    public Object headsDue() {
        return store.headsDue(Instant.now(), 200);
    }

    @TearDown
    public void tearDown() {
        db.close();
    }
}
