package dev.ecabot.emulator.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a deploy zip. package.xml sits at the root or under one top folder (as clients that zip an
 * "unpackaged/" directory send it); paths are kept relative to the folder that holds package.xml, and
 * {@link #displayPath} gives them back as they were in the zip, for componentFailures' fileName.
 */
public final class DeployPackage {

    /** Salesforce's deploy limits: files in a package, and bytes once unzipped. */
    private static final int MAX_FILES = 10_000;
    private static final long MAX_UNZIPPED_BYTES = 400L * 1024 * 1024;

    private final String rootPrefix;
    private final Map<String, byte[]> files;

    private DeployPackage(String rootPrefix, Map<String, byte[]> files) {
        this.rootPrefix = rootPrefix;
        this.files = files;
    }

    public static DeployPackage read(byte[] zip) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        long unzipped = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED_BYTES - unzipped + 1));
                    unzipped += content.length;
                    if (unzipped > MAX_UNZIPPED_BYTES) {
                        throw new IOException("the zip holds more than 400 MB once unzipped (Salesforce's limit)");
                    }
                    all.put(entry.getName().replace('\\', '/'), content);
                    if (all.size() > MAX_FILES) {
                        throw new IOException("the zip holds more than " + MAX_FILES + " files");
                    }
                }
            }
        }
        if (all.isEmpty()) {
            throw new IOException("the zip file is empty or is not a zip file");
        }
        String prefix = all.containsKey("package.xml") ? "" : all.keySet().stream()
                .filter(p -> p.endsWith("/package.xml") && p.indexOf('/') == p.length() - "/package.xml".length())
                .map(p -> p.substring(0, p.length() - "package.xml".length()))
                .findFirst().orElse("");
        Map<String, byte[]> relative = new LinkedHashMap<>();
        all.forEach((path, bytes) -> relative.put(path.startsWith(prefix) ? path.substring(prefix.length()) : path, bytes));
        return new DeployPackage(prefix, relative);
    }

    public Optional<byte[]> file(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    /** Every file, by path relative to the package root, in zip order. */
    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }

    public Iterable<String> paths() {
        return files.keySet();
    }

    public String displayPath(String relativePath) {
        return rootPrefix + relativePath;
    }
}
