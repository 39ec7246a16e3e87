package dev.ecabot.provisioning;

/** Whether a provisioning run is under way, finished, or stopped by a failure (and may be retried). */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED
}
