package dev.ecabot.eca;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A set of metadata files keyed by their '/'-separated path inside the package (e.g. {@code package.xml},
 * {@code externalClientApps/MyApp.eca}), in memory, and its two physical forms: a folder and a zip with the paths
 * at the zip root (what the Metadata API deploy and {@code sf project deploy start --metadata-dir} expect).
 * Immutable; the zip is byte-for-byte reproducible.
 */
public final class MetadataPackage {

    /** The Metadata API refuses deploys over 39 MB zipped; reading stops well before a zip could expand forever. */
    private static final long MAX_UNZIPPED_BYTES = 100L * 1024 * 1024;
    /** Fixed entry time so the same spec always gives the same zip. */
    private static final long ZIP_ENTRY_TIME = 315532800000L; // 1980-01-01T00:00:00Z, the zip format's epoch

    private final SortedMap<String, byte[]> files;

    public MetadataPackage(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, content) -> copy.put(path, content.clone()));
        this.files = Collections.unmodifiableSortedMap(copy);
    }

    /** The paths in the package, sorted. */
    public Set<String> paths() {
        return files.keySet();
    }

    /** The content of one file, or an error naming the missing path. */
    public byte[] content(String path) {
        byte[] content = files.get(path);
        if (content == null) throw new IllegalArgumentException("the package has no file " + path);
        return content.clone();
    }

    /** The content of one file as UTF-8 text. */
    public String text(String path) {
        return new String(content(path), StandardCharsets.UTF_8);
    }

    /** Writes the files under {@code dir}, which must not exist yet or be empty (so no stale file gets deployed). */
    public void writeTo(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> existing = Files.list(dir)) {
                    if (existing.findAny().isPresent()) {
                        throw new IllegalArgumentException("directory " + dir + " is not empty; choose a new or empty "
                                + "directory so no leftover file is deployed with this package");
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the metadata package to " + dir, e);
        }
    }

    /** The package as a zip, package.xml at the root. */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(ZIP_ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not zip the metadata package", e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@link #toZip()} to {@code zipFile}, creating its folder if needed. */
    public void writeZip(Path zipFile) {
        try {
            Path parent = zipFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(zipFile, toZip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + zipFile, e);
        }
    }

    /** Every regular file under {@code dir}, keyed by its path relative to {@code dir}. */
    public static MetadataPackage fromDirectory(Path dir) {
        return fromDirectory(dir, fileName -> true);
    }

    /** The files under {@code dir} whose file name {@code wanted} accepts (so a big sf project is not read whole). */
    public static MetadataPackage fromDirectory(Path dir, Predicate<String> wanted) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a directory");
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)
                    .filter(f -> wanted.test(f.getFileName().toString()))::iterator) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir, e);
        }
        return new MetadataPackage(files);
    }

    /** Every file in a zip, keyed by its entry name. */
    public static MetadataPackage fromZip(byte[] zipBytes) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) continue;
                byte[] content = readLimited(zip, MAX_UNZIPPED_BYTES - total, entry.getName());
                total += content.length;
                files.put(entry.getName(), content);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the zip could not be read: " + e.getMessage(), e);
        }
        return new MetadataPackage(files);
    }

    /** {@link #fromZip(byte[])} of a zip file. */
    public static MetadataPackage fromZip(Path zipFile) {
        try {
            return fromZip(Files.readAllBytes(zipFile));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + zipFile, e);
        }
    }

    private static byte[] readLimited(InputStream in, long limit, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            read += n;
            if (read > limit) {
                throw new IllegalArgumentException("the zip expands to more than " + MAX_UNZIPPED_BYTES / (1024 * 1024)
                        + " MB (at " + name + "); a metadata package is never that large");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
