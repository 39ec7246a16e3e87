package dev.ecabot.emulator.org;

import java.time.Instant;

/**
 * The OAuth consumer of an app (what Setup shows as its consumer key and secret) and its staged credential
 * slot. Immutable; the org replaces it on rotation. The secret never appears in {@link #toString()}.
 */
public record Consumer(String id, String appName, String name, String key, String secret, StagedCredential staged) {

    /** A staged key + secret pair ("Staged") or the pair a rotation replaced ("Rotated"), valid until expiry. */
    public record StagedCredential(String id, String key, String secret, String state, Instant expiresAt) {
        @Override
        public String toString() {
            return "StagedCredential[id=" + id + ", key=" + key + ", state=" + state + ", secret=<redacted>]";
        }
    }

    Consumer withStaged(StagedCredential newStaged) {
        return new Consumer(id, appName, name, key, secret, newStaged);
    }

    Consumer withPair(String newKey, String newSecret, StagedCredential newStaged) {
        return new Consumer(id, appName, name, newKey, newSecret, newStaged);
    }

    @Override
    public String toString() {
        return "Consumer[id=" + id + ", app=" + appName + ", key=" + key + ", secret=<redacted>, staged=" + staged + "]";
    }
}
