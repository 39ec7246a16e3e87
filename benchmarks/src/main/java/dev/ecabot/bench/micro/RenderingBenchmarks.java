package dev.ecabot.bench.micro;

import dev.ecabot.conversation.message.Summary;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.teams.AdaptiveCards;
import dev.ecabot.testing.DigestSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH: the CPU-only steps on a user's path. A playbook's answers rendered to an app spec and written as the
 * metadata XML a deploy sends; the largest card the bot sends (the weekly digest's worst case) rendered as a Teams
 * Adaptive Card (the Slack Block Kit one is {@code dev.ecabot.slack.BlockKitBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderingBenchmarks {

    private Playbook playbook;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final PlaybookRenderer renderer = new PlaybookRenderer();
    private final EcaMetadataWriter writer = new EcaMetadataWriter();
    private EcaSpec spec;
    private Summary digest;
    private final AdaptiveCards cards = new AdaptiveCards(ZoneOffset.UTC);

    @Setup
    public void setUp() {
        playbook = PlaybookCatalog.load().find("vonage-ai-studio").orElseThrow();
        answers.put("org", "demo");
        answers.put("app_name", "Vonage Voice");
        answers.put("contact_email", "admins@acme.example.com");
        answers.keySet().removeIf(id -> !id.equals("org") && playbook.question(id).isEmpty());
        spec = renderer.render(playbook, answers).orElseThrow().spec();
        digest = DigestSamples.worstCase();
    }

    /** Answers to spec (validation included) to the deploy's metadata XML files. */
    @Benchmark
    public Object playbookToMetadataXml() {
        return writer.write(renderer.render(playbook, answers).orElseThrow().spec());
    }

    /** A rendered spec to its metadata XML files only. */
    @Benchmark
    public Object specToMetadataXml() {
        return writer.write(spec);
    }

    @Benchmark
    public Object digestAsAdaptiveCard() {
        return cards.render(digest);
    }
}
