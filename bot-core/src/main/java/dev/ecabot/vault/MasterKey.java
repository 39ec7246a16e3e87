package dev.ecabot.vault;

import dev.ecabot.settings.error.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The AES-256 key that seals every secret, kept outside the database: from {@code ECABOT_MASTER_KEY}
 * (base64 of 32 bytes), or for the zero-config default a key file created on first start (owner-only,
 * POSIX 600; a key file others can read is refused). Immutable; never prints its value.
 */
public final class MasterKey {

    public static final String ENV_VAR = "ECABOT_MASTER_KEY";

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** {@code ECABOT_MASTER_KEY} from {@code env} if set, otherwise the key file (created if missing). */
    public static MasterKey load(Map<String, String> env, Path keyFile) {
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) return fromBase64(fromEnv, ENV_VAR);
        return fromKeyFile(keyFile);
    }

    /** Where {@link #load} takes the key from, in words for messages (never the value). */
    public static String describeSource(Map<String, String> env, Path keyFile) {
        String fromEnv = env.get(ENV_VAR);
        return fromEnv != null && !fromEnv.isBlank() ? ENV_VAR : "the key file " + keyFile.toAbsolutePath();
    }

    /** A fresh random key (tests, or an operator generating one). */
    public static MasterKey generate() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** Decodes a base64 key; {@code source} names where it came from in the error (never the value). */
    public static MasterKey fromBase64(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(source + " is not valid base64. It must be the base64 of 32 random bytes; "
                    + "make one with `openssl rand -base64 32`.");
        }
        if (bytes.length != KEY_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new InvalidSettingException(source + " decodes to " + bytes.length + " bytes; it must be the base64 of "
                    + "exactly 32 random bytes (AES-256). Make one with `openssl rand -base64 32`.");
        }
        MasterKey key = new MasterKey(bytes);
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    /** Reads the key file, creating it with a new random key and owner-only permissions if it does not exist. */
    public static MasterKey fromKeyFile(Path keyFile) {
        try {
            if (Files.notExists(keyFile)) {
                try {
                    return create(keyFile);
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: use theirs
                }
            }
            refuseIfOthersCanRead(keyFile);
            return fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII), "The key file " + keyFile);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or create the master key file " + keyFile.toAbsolutePath()
                    + " (" + e.getMessage() + "). Check the directory exists and is writable, or set " + ENV_VAR + ".", e);
        }
    }

    private static MasterKey create(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        MasterKey key = generate();
        if (supportsPosix(keyFile.toAbsolutePath().getParent())) {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(keyFile);
            log.warn("The file system of {} has no POSIX permissions: make sure only the bot's user can read it.", keyFile);
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key.key.getEncoded()) + "\n", StandardCharsets.US_ASCII);
        log.warn("Created a new master key in {} (owner-only). Back it up: without it, sealed secrets cannot be opened.",
                keyFile.toAbsolutePath());
        return key;
    }

    private static void refuseIfOthersCanRead(Path keyFile) throws IOException {
        if (!supportsPosix(keyFile)) return;
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
        if (!OWNER_ONLY.containsAll(perms)) {
            throw new IllegalStateException("The master key file " + keyFile.toAbsolutePath() + " is accessible to others ("
                    + PosixFilePermissions.toString(perms) + "). Make it owner-only with `chmod 600 "
                    + keyFile.toAbsolutePath() + "` and start again.");
        }
    }

    private static boolean supportsPosix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "[master key]";
    }
}
