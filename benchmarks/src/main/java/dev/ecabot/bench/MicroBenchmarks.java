package dev.ecabot.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Figure 10: the JMH micro-benchmarks (playbook to metadata XML, Block Kit and Adaptive Card rendering of the
 * largest card, the vault's seal and open, the outbox's poll query), run by JMH in one forked JVM each, short
 * (2 warm-up and 3 measured iterations of 1 s) to fit the run's 10 minutes. Recorded, not judged: no goal of the
 * issue is stated per call; they show where a turn's CPU goes. {@code AllBenchmarks --only 10} runs only these.
 */
public final class MicroBenchmarks {

    static final String INCLUDE = "dev\\.ecabot\\.(bench\\.micro\\.|slack\\.BlockKitBenchmark|conversation\\.outbox\\.OutboxClaimQueryBenchmark)";

    private MicroBenchmarks() {
    }

    public static List<Row> measure(boolean quick) throws Exception {
        Options options = new OptionsBuilder()
                .include(INCLUDE)
                .forks(1)
                .warmupIterations(quick ? 1 : 2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 3).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m", "-Dlogback.configurationFile=logback-bench.xml")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            rows.add(Progress.done(new Row("JMH " + name, String.format(Locale.ROOT, "%.2f %s", primary.getScore(),
                    primary.getScoreUnit()), "-", "-", "recorded", Row.Verdict.RECORDED,
                    String.format(Locale.ROOT, "± %.2f (99.9%%), %d iterations", primary.getScoreError(),
                            primary.getStatistics().getN()))));
        }
        return rows;
    }
}
