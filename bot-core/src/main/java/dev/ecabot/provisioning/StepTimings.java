package dev.ecabot.provisioning;

import dev.ecabot.provisioning.ProvisioningEvent.Stage;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each stage of a provisioning run took, so an operator sees where time goes (deploying in Salesforce,
 * reading credentials, recording) and where runs fail: Prometheus {@code ecabot_provisioning_steps_seconds{step,outcome}},
 * a stage being timed from the event that entered it to the next different one ("succeeded"), or to the run's
 * failure ("failed"). Repeated progress events of one stage count as one. Thread-safe; keyed by run id.
 */
final class StepTimings {

    private record Open(Stage stage, long startedNanos) { }

    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /** The run {@code runId} reached {@code stage} now: closes the stage it was in, opens this one. */
    void entered(String runId, Stage stage) {
        long now = System.nanoTime();
        Open previous = open.get(runId);
        if (previous != null && previous.stage() == stage) return;
        boolean ends = stage == Stage.DONE || stage == Stage.FAILED;
        if (ends) open.remove(runId); else open.put(runId, new Open(stage, now));
        if (previous != null) record(previous.stage(), stage == Stage.FAILED ? "failed" : "succeeded", now - previous.startedNanos());
    }

    /** The run stopped without a final event (an unexpected error): nothing more to time. */
    void forget(String runId) {
        open.remove(runId);
    }

    private static void record(Stage stage, String outcome, long nanos) {
        Timer.builder("ecabot.provisioning.steps")
                .description("Provisioning run stages by how long they took and whether the run went on or failed there")
                .tag("step", stage.name()).tag("outcome", outcome)
                .register(Metrics.globalRegistry).record(Duration.ofNanos(nanos));
    }
}
