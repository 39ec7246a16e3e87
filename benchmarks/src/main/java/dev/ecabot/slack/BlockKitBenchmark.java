package dev.ecabot.slack;

import dev.ecabot.conversation.message.Summary;
import dev.ecabot.testing.DigestSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * JMH: the largest message the bot sends (the weekly digest's worst case) rendered as Slack Block Kit, fitted to
 * Slack's limits (sections split, blocks clipped). In this package because the renderer is the adapter's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockKitBenchmark {

    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private Summary digest;

    @Setup
    public void setUp() {
        digest = DigestSamples.worstCase();
    }

    @Benchmark
    public Object digestAsBlockKit() {
        return renderer.render(digest);
    }
}
