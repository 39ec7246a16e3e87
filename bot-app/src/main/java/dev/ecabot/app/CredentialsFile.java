package dev.ecabot.app;

import dev.ecabot.provisioning.ProvisionedCredentials;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes an app's credentials to a new file only its owner can read (POSIX 600, set when the file is created, so
 * it is never readable by others even for a moment). Refuses to overwrite an existing file.
 */
final class CredentialsFile {

    private CredentialsFile() {
    }

    /** Checks before anything is deployed that the file can be created; answers the problem, or null. */
    static String problem(Path file) {
        if (Files.exists(file)) return "the credentials file " + file + " already exists; give a new file name (it is never overwritten)";
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) return "the folder for the credentials file " + file + " does not exist";
        if (!Files.isWritable(parent)) return "the folder " + parent + " is not writable";
        return null;
    }

    static void write(Path file, ProvisionedCredentials c) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                w.write("# Credentials of External Client App " + c.apiName() + " in org " + c.org() + ", written by ECA bot.\n");
                w.write("# Keep this file private; delete it once the values are stored where the integration needs them.\n");
                w.write("consumer_key=" + c.consumerKey() + "\n");
                if (c.consumerSecret().isPresent()) w.write("consumer_secret=" + c.consumerSecret().get().reveal() + "\n");
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("The credentials file " + file + " appeared meanwhile; it was not overwritten.");
        } catch (IOException e) {
            throw new IllegalStateException("The credentials file " + file + " could not be written (" + e.getClass().getSimpleName() + ").");
        }
    }
}
