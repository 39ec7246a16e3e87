package dev.ecabot.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (a consumer secret, a client secret, a private key) in memory. It never prints itself:
 * {@code toString()} is redacted, so a secret passed to a logger, an exception message or a chat message
 * by mistake shows as {@code [secret]}. Read it with {@link #reveal()} only where it must leave the process
 * (sealing it in the vault, the one-time reveal, an HTTP call to Salesforce).
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plaintext. Every caller is a place the secret leaves the process: keep them few. */
    public String reveal() {
        return value;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "[secret]";
    }

    /** Constant-time comparison, so equality checks do not leak how much of a secret matched. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(utf8(), other.utf8());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new byte[] {(byte) value.length()});
    }
}
