package dev.ecabot.vault;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Bytes sealed with AES-256-GCM under the {@link MasterKey}: a random 96-bit IV per seal, and the id of what it
 * belongs to (a reveal offer) as associated data, so a sealed value copied to another row will not open.
 * Encoded as base64 of {@code version(1) || iv(12) || ciphertext+tag}. Immutable; what the database holds.
 */
public final class SealedSecret {

    private static final byte FORMAT_V1 = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] iv;
    private final byte[] ciphertext;

    private SealedSecret(byte[] iv, byte[] ciphertext) {
        this.iv = iv;
        this.ciphertext = ciphertext;
    }

    /** Seals {@code plaintext} for {@code boundTo} (e.g. an offer id). */
    public static SealedSecret seal(MasterKey key, byte[] plaintext, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(boundTo));
            return new SealedSecret(iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM: " + e.getMessage(), e);
        }
    }

    /** The plaintext, if this was sealed under {@code key} for {@code boundTo} and not altered since. */
    public byte[] open(MasterKey key, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(boundTo));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("The sealed secret for " + boundTo + " could not be opened: it was altered, "
                    + "belongs to another offer, or was sealed under a different master key (was ECABOT_MASTER_KEY changed?).");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM: " + e.getMessage(), e);
        }
    }

    public String encoded() {
        ByteBuffer out = ByteBuffer.allocate(1 + iv.length + ciphertext.length);
        out.put(FORMAT_V1).put(iv).put(ciphertext);
        return Base64.getEncoder().encodeToString(out.array());
    }

    public static SealedSecret decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SealBrokenException("A sealed secret in the database is not valid base64; it was altered.");
        }
        if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT_V1) {
            throw new SealBrokenException("A sealed secret in the database has an unknown format; it was altered.");
        }
        return new SealedSecret(Arrays.copyOfRange(bytes, 1, 1 + IV_BYTES), Arrays.copyOfRange(bytes, 1 + IV_BYTES, bytes.length));
    }

    private static byte[] aad(String boundTo) {
        return ("ecabot:" + boundTo).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "[sealed secret]";
    }
}
