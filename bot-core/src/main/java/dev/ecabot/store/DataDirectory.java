package dev.ecabot.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bot's data folder (the embedded H2 database, the master key file): created owner-only (POSIX 700), every
 * file in it made owner-only (600), and refused, with the command that fixes it, when others may read or enter it,
 * as the key file is. On file systems without POSIX permissions nothing is checked.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {
    }

    /**
     * Creates {@code dir} owner-only if it is missing, refuses it if others have any access, and makes the files
     * already in it owner-only.
     * @throws IllegalStateException when others may access the folder (the message says how to fix it) or it
     *         cannot be created
     */
    public static Path prepare(Path dir) {
        Path abs = dir.toAbsolutePath();
        try {
            if (Files.notExists(abs)) {
                Path parent = abs.getParent();
                if (parent != null) Files.createDirectories(parent);
                if (posix(parent)) {
                    Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                    Files.setPosixFilePermissions(abs, OWNER_DIR); // the umask may have taken some away
                } else {
                    Files.createDirectory(abs);
                }
                return abs;
            }
            if (!posix(abs)) return abs;
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs);
            if (perms.stream().anyMatch(OTHERS::contains)) {
                throw new dev.ecabot.settings.error.StartRefusedException("The data folder " + abs + " is accessible to others ("
                        + PosixFilePermissions.toString(perms) + "); it holds the database and the master key. Make it "
                        + "owner-only with `chmod -R go-rwx " + abs + "` and start again.");
            }
            tightenFiles(abs);
            return abs;
        } catch (IOException e) {
            throw new IllegalStateException("Could not create or check the data folder " + abs + " (" + e.getMessage()
                    + "). Check that its parent exists and is writable, or set ECABOT_DATA_DIR.", e);
        }
    }

    /** Makes every file directly in {@code dir} owner-only (new H2 files follow the process umask). */
    public static void tightenFiles(Path dir) {
        if (!posix(dir) || !Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) continue;
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(f));
                if (perms.removeAll(OTHERS)) Files.setPosixFilePermissions(f, perms);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the files in " + dir + " owner-only (" + e.getMessage()
                    + "); run `chmod -R go-rwx " + dir + "`.", e);
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.exists(path)
                && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
