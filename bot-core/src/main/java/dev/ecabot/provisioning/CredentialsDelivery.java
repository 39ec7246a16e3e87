package dev.ecabot.provisioning;

/**
 * Receives a new app's credentials exactly once per run (e.g. seals the secret in the vault and offers the
 * requester a one-time reveal, or writes an owner-only file). If it throws, the run stops before recording the
 * delivery, and a retry reads and delivers the credentials again. Its exception message is shown to the requester:
 * it must never contain the secret.
 */
@FunctionalInterface
public interface CredentialsDelivery {

    void deliver(ProvisionedCredentials credentials);

    /**
     * Whether run {@code runId}'s credentials were already delivered here by an attempt that stopped before the run
     * recorded it (a crash right after sealing): then the secret is neither read nor delivered again.
     */
    default boolean holds(String runId) {
        return false;
    }
}
