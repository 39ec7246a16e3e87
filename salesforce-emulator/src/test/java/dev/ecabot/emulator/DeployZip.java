package dev.ecabot.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds deploy zips for tests from the real-shaped files under src/test/resources, with edits. */
final class DeployZip {

    static final List<String> SAMPLE_FILES = List.of(
            "package.xml",
            "externalClientApps/Acme_Sync.eca",
            "extlClntAppGlobalOauthSets/Acme_Sync_glbloauth.ecaGlblOauth",
            "extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth",
            "extlClntAppOauthPolicies/Acme_Sync_oauthPlcy.ecaOauthPlcy",
            "extlClntAppPolicies/Acme_Sync_plcy.ecaPlcy");

    private final Map<String, String> files = new LinkedHashMap<>();

    /** The Acme_Sync app with its four companion settings and package.xml. */
    static DeployZip sampleApp() {
        DeployZip zip = new DeployZip();
        // The resources keep their retrieved (source-format) names; a Metadata API zip names them without -meta.xml.
        SAMPLE_FILES.forEach(path -> zip.files.put(path, resource("sample-app/" + (path.equals("package.xml") ? path : path + "-meta.xml"))));
        return zip;
    }

    /** An empty package.xml with destructiveChanges.xml deleting Acme_Sync. */
    static DeployZip deleteSampleApp() {
        return new DeployZip().put("package.xml", resource("empty-package.xml"))
                .put("destructiveChanges.xml", resource("destructiveChanges-Acme_Sync.xml"));
    }

    DeployZip put(String path, String content) {
        files.put(path, content);
        return this;
    }

    DeployZip remove(String path) {
        files.remove(path);
        return this;
    }

    /** Replaces text in one file; fails the test if the text is not there (so edits cannot silently miss). */
    DeployZip edit(String path, String from, String to) {
        String content = files.get(path);
        if (content == null || !content.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain " + from);
        }
        files.put(path, content.replace(from, to));
        return this;
    }

    /** Replaces text in every file that contains it (renaming the app, say). */
    DeployZip editAll(String from, String to) {
        Map<String, String> renamed = new LinkedHashMap<>();
        files.forEach((path, content) -> renamed.put(path.replace(from, to), content.replace(from, to)));
        files.clear();
        files.putAll(renamed);
        return this;
    }

    String file(String path) {
        return files.get(path);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String resource(String path) {
        try (InputStream in = DeployZip.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
