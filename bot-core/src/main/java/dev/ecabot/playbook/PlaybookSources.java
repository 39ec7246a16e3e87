package dev.ecabot.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds playbook files: those shipped under {@code /playbooks} on the classpath (a directory in development, inside
 * the jar when packaged) and those in an admin's directory ({@code ECABOT_PLAYBOOKS_DIR}). Only {@code *.yaml}.
 */
final class PlaybookSources {

    /** Classpath folder of the shipped playbooks and their schema (see the playbooks module's pom). */
    static final String CLASSPATH_DIR = "playbooks";
    static final String SCHEMA_RESOURCE = CLASSPATH_DIR + "/playbook.schema.json";

    private PlaybookSources() {
    }

    /** The shipped playbook files (including the shared {@code _common.yaml}), sorted by name. */
    static List<PlaybookFile> shipped() {
        URL schema = PlaybookSources.class.getClassLoader().getResource(SCHEMA_RESOURCE);
        if (schema == null) {
            throw new IllegalStateException("the shipped playbooks are missing from the classpath (no "
                    + SCHEMA_RESOURCE + "); is the playbooks module on the classpath?");
        }
        try {
            URI uri = schema.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return read(fs.getPath("/" + CLASSPATH_DIR), "classpath:" + CLASSPATH_DIR + "/");
            }
            return read(Path.of(uri).getParent(), "classpath:" + CLASSPATH_DIR + "/");
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the shipped playbooks at " + schema + ": " + e.getMessage(), e);
        }
    }

    /** The {@code *.yaml} files directly in {@code dir}, sorted by name; origins are their paths. */
    static List<PlaybookFile> directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("ECABOT_PLAYBOOKS_DIR " + dir + " is not a directory; create it or unset the variable");
        }
        return read(dir, null);
    }

    static String schemaText() {
        try (InputStream in = PlaybookSources.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + SCHEMA_RESOURCE + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PlaybookFile> read(Path dir, String originPrefix) throws IOException {
        List<PlaybookFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".yaml") || !Files.isRegularFile(p)) continue;
                String origin = originPrefix == null ? p.toString() : originPrefix + name;
                files.add(new PlaybookFile(name, origin, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }
}
