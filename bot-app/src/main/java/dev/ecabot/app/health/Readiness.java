package dev.ecabot.app.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code /readyz} (and the terminal) check before saying the bot is ready: each named check answers empty when
 * fine, or what is wrong in words. Not ready while starting (until {@link #started()}) and once stopping.
 * Thread-safe.
 */
public final class Readiness {

    private final Map<String, Supplier<Optional<String>>> checks = new LinkedHashMap<>();
    private volatile boolean started;
    private volatile boolean stopping;

    /** Adds a check, e.g. "database" answering "unreachable (connection refused)" when it fails. */
    public synchronized Readiness check(String name, Supplier<Optional<String>> check) {
        checks.put(name, check);
        return this;
    }

    /** Everything is wired and started. */
    public void started() {
        started = true;
    }

    /** A stop began: load balancers should send requests elsewhere. */
    public void stopping() {
        stopping = true;
    }

    /** Empty when ready; otherwise one line per problem. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (stopping) problems.add("stopping: this instance is shutting down");
        if (!started) problems.add("starting: not every part has started yet");
        report().forEach((name, problem) -> problem.ifPresent(p -> problems.add(name + ": " + p)));
        return problems;
    }

    /** Every check by name, in the order added: empty when fine, else what is wrong (for {@code ecabot status}). */
    public synchronized Map<String, Optional<String>> report() {
        Map<String, Optional<String>> report = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Optional<String>>> c : checks.entrySet()) {
            Optional<String> problem;
            try {
                problem = c.getValue().get();
            } catch (RuntimeException e) {
                problem = Optional.of("check failed (" + e.getClass().getSimpleName() + ")");
            }
            report.put(c.getKey(), problem);
        }
        return report;
    }
}
