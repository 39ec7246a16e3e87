package dev.ecabot.emulator.metadata;

import java.time.Instant;
import java.util.List;

/**
 * One deploy request and where it stands: Pending, InProgress, then Succeeded or Failed; Canceling then
 * Canceled when cancelled first. Thread-safe: the deploy scheduler and HTTP threads share it.
 */
public final class DeployJob {

    /** A component that deployed (or would have, for checkOnly), for componentSuccesses. */
    public record ComponentSuccess(String componentType, String fullName, String fileName, String id,
                                   boolean created, boolean changed, boolean deleted, boolean forPackageManifestFile) {
    }

    /** A snapshot of the job, safe to render. */
    public record Snapshot(String id, DeployOptions options, String status, boolean done, boolean success,
                           Instant createdDate, Instant startDate, Instant lastModifiedDate, Instant completedDate,
                           int componentsTotal, int componentsDeployed, List<ComponentFailure> failures,
                           List<ComponentSuccess> successes, String createdBy, String createdByName,
                           String canceledBy, String canceledByName, String stateDetail) {
    }

    private final String id;
    private final DeployOptions options;
    private final byte[] zip;
    private final String createdBy;
    private final String createdByName;
    private final Instant createdDate;
    private String status = "Pending";
    private boolean success;
    private Instant startDate;
    private Instant lastModifiedDate;
    private Instant completedDate;
    private int componentsTotal;
    private int componentsDeployed;
    private List<ComponentFailure> failures = List.of();
    private List<ComponentSuccess> successes = List.of();
    private String canceledBy;
    private String canceledByName;
    private String stateDetail;

    DeployJob(String id, DeployOptions options, byte[] zip, String createdBy, String createdByName, Instant now) {
        this.id = id;
        this.options = options;
        this.zip = zip.clone();
        this.createdBy = createdBy;
        this.createdByName = createdByName;
        this.createdDate = now;
        this.lastModifiedDate = now;
    }

    public String id() {
        return id;
    }

    DeployOptions options() {
        return options;
    }

    byte[] zip() {
        return zip.clone();
    }

    synchronized boolean isDone() {
        return completedDate != null;
    }

    synchronized boolean start(Instant now) {
        if (!status.equals("Pending")) {
            return false;
        }
        status = "InProgress";
        startDate = now;
        lastModifiedDate = now;
        stateDetail = "Processing Type: ExternalClientApplication";
        return true;
    }

    /** Marks the job Canceling; false when it already finished. */
    synchronized boolean requestCancel(String userId, String userName, Instant now) {
        if (isDone()) {
            return false;
        }
        if (!status.equals("Canceling")) {
            status = "Canceling";
            canceledBy = userId;
            canceledByName = userName;
            lastModifiedDate = now;
        }
        return true;
    }

    synchronized boolean isCanceling() {
        return status.equals("Canceling");
    }

    synchronized void canceled(Instant now) {
        status = "Canceled";
        finish(false, now);
    }

    synchronized void completed(boolean succeeded, int total, int deployed, List<ComponentFailure> failures,
                                List<ComponentSuccess> successes, Instant now) {
        if (startDate == null) {
            startDate = now;
        }
        this.status = succeeded ? "Succeeded" : "Failed";
        this.componentsTotal = total;
        this.componentsDeployed = deployed;
        this.failures = List.copyOf(failures);
        this.successes = List.copyOf(successes);
        finish(succeeded, now);
    }

    private void finish(boolean succeeded, Instant now) {
        success = succeeded;
        completedDate = now;
        lastModifiedDate = now;
        stateDetail = null;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id, options, status, isDone(), success, createdDate, startDate, lastModifiedDate,
                completedDate, componentsTotal, componentsDeployed, failures, successes, createdBy, createdByName,
                canceledBy, canceledByName, stateDetail);
    }
}
