package dev.ecabot.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An ECA's consumer key and consumer secret, as delivered once to the requester. Prints without the secret.
 */
public record ConsumerCredentials(String consumerKey, Secret consumerSecret) {

    public ConsumerCredentials {
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
    }

    /** The bytes to seal: both values, length-prefixed. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(consumerKey);
            out.writeUTF(consumerSecret.reveal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ConsumerCredentials fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new ConsumerCredentials(in.readUTF(), Secret.of(in.readUTF()));
        } catch (IOException e) {
            throw new SealBrokenException("Opened credentials are not in the expected layout.");
        }
    }
}
