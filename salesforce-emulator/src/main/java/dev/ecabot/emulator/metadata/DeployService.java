package dev.ecabot.emulator.metadata;

import dev.ecabot.emulator.org.ChangeSet;
import dev.ecabot.emulator.org.OrgState;
import dev.ecabot.emulator.org.SalesforceIds;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs deploy requests asynchronously, like Salesforce's deploy queue: a request is Pending, InProgress after
 * half the deploy delay (half a second at most), and done after the whole delay. Deploys finish one at a time on one scheduler thread,
 * so each validates and applies against the org as the previous one left it. Thread-safe.
 */
public final class DeployService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeployService.class);
    private static final Duration CANCEL_DELAY = Duration.ofMillis(50);
    /** A deploy leaves Pending after half its delay, and after half a second at most, as queued deploys do. */
    private static final Duration MAX_PENDING = Duration.ofMillis(500);

    private final OrgState org;
    private final SalesforceIds ids;
    private final Supplier<Duration> deployDelay;
    private final DeployValidator validator = new DeployValidator();
    private final Map<String, DeployJob> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "salesforce-emulator-deploys");
        thread.setDaemon(true);
        return thread;
    });

    public DeployService(OrgState org, SalesforceIds ids, Supplier<Duration> deployDelay) {
        this.org = org;
        this.ids = ids;
        this.deployDelay = deployDelay;
    }

    /** Queues a deploy and answers at once with the Pending job. */
    public DeployJob submit(DeployOptions options, byte[] zip, String userId, String userName) {
        DeployJob job = new DeployJob(ids.next("0Af"), options, zip, userId, userName, Instant.now());
        jobs.put(job.id().substring(0, 15), job);
        long delayMillis = Math.max(0, deployDelay.get().toMillis());
        long pendingMillis = Math.min(delayMillis / 2, MAX_PENDING.toMillis());
        scheduler.schedule(() -> job.start(Instant.now()), pendingMillis, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> finish(job), delayMillis, TimeUnit.MILLISECONDS);
        log.info("deploy {} queued (checkOnly={}, {} bytes)", job.id(), options.checkOnly(), zip.length);
        return job;
    }

    public Optional<DeployJob> job(String id) {
        return id.length() < 15 ? Optional.empty() : Optional.ofNullable(jobs.get(id.substring(0, 15)));
    }

    /** Asks a running deploy to stop; false when it has already finished. */
    public boolean cancel(DeployJob job, String userId, String userName) {
        if (!job.requestCancel(userId, userName, Instant.now())) {
            return false;
        }
        scheduler.schedule(() -> cancelNow(job), CANCEL_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private void cancelNow(DeployJob job) {
        if (!job.isDone()) {
            job.canceled(Instant.now());
            log.info("deploy {} canceled", job.id());
        }
    }

    private void finish(DeployJob job) {
        if (job.isDone()) {
            return;
        }
        if (job.isCanceling()) {
            cancelNow(job);
            return;
        }
        Instant now = Instant.now();
        try {
            DeployPackage pkg = DeployPackage.read(job.zip());
            complete(job, validator.validate(pkg, org), now);
        } catch (IOException e) {
            job.completed(false, 0, 0, List.of(ComponentFailure.error("", "package.xml", "package.xml",
                    "The deploy zip could not be read: " + e.getMessage())), List.of(), now);
        } catch (RuntimeException e) {
            log.error("deploy {} failed inside the emulator", job.id(), e);
            job.completed(false, 0, 0, List.of(ComponentFailure.error("", "package.xml", "package.xml",
                    "An unexpected error occurred in the emulated org: " + e.getClass().getSimpleName())), List.of(), now);
        }
        log.info("deploy {} {}", job.id(), job.snapshot().status());
    }

    private void complete(DeployJob job, DeployValidator.Validation validation, Instant now) {
        DeployOptions options = job.options();
        boolean warningsBlock = !options.ignoreWarnings() && !validation.problems().isEmpty();
        int failing = (int) validation.problems().stream()
                .filter(ComponentFailure::isError)
                .filter(f -> !f.componentType().isEmpty())
                .map(f -> f.componentType() + "/" + f.fullName().toLowerCase(Locale.ROOT))
                .distinct().count();
        int total = validation.deployed().size() + failing + validation.changes().deletions().size();
        if (validation.hasErrors() || warningsBlock) {
            job.completed(false, total, 0, validation.problems(), List.of(), now);
            return;
        }
        List<DeployJob.ComponentSuccess> successes = new ArrayList<>();
        if (options.checkOnly()) {
            for (DeployValidator.DeployedFile file : validation.deployed()) {
                Optional<String> existingId = org.component(file.type(), file.fullName()).map(c -> c.id());
                successes.add(new DeployJob.ComponentSuccess(file.type().apiName(), file.fullName(), file.fileName(),
                        existingId.orElse(null), existingId.isEmpty(), true, false, false));
            }
        } else {
            Map<String, String> fileNames = validation.deployed().stream().collect(Collectors.toMap(
                    f -> f.type() + "/" + f.fullName(), DeployValidator.DeployedFile::fileName, (a, b) -> a));
            for (ChangeSet.Applied applied : org.apply(validation.changes(), now)) {
                String fileName = fileNames.getOrDefault(applied.type() + "/" + applied.fullName(),
                        applied.type().folder() + "/" + applied.fullName() + "." + applied.type().suffix());
                successes.add(new DeployJob.ComponentSuccess(applied.type().apiName(), applied.fullName(), fileName,
                        applied.id(), applied.created(), applied.changed(), applied.deleted(), false));
            }
        }
        successes.add(new DeployJob.ComponentSuccess("", "package.xml", "package.xml", null, false, true, false, true));
        // Warnings that ignoreWarnings let through are not failures: a succeeded deploy lists none.
        job.completed(true, total, total, List.of(), successes, now);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
