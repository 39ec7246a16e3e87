package dev.ecabot.playbook;

import dev.ecabot.eca.EcaComponentType;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata files EcaMetadataWriter writes for a spec, read back from disk as XML so tests can assert on the
 * exact elements Salesforce will receive.
 */
final class WrittenMetadata {

    private final Path dir;
    private final String apiName;

    private WrittenMetadata(Path dir, String apiName) {
        this.dir = dir;
        this.apiName = apiName;
    }

    static WrittenMetadata write(EcaSpec spec, Path dir) {
        new EcaMetadataWriter().writeFolder(spec, dir);
        return new WrittenMetadata(dir, spec.apiName());
    }

    /** The text of the single {@code element} child of the component's root, or null when absent. */
    String value(EcaComponentType type, String element) {
        List<String> all = values(type, element);
        if (all.size() > 1) throw new AssertionError(element + " appears " + all.size() + " times in " + type);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The texts of every {@code element} child of the component's root. */
    List<String> values(EcaComponentType type, String element) {
        Element root = document(type).getDocumentElement();
        List<String> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(element)) out.add(e.getTextContent());
        }
        return out;
    }

    /** The callback URLs as written (one per line in a single element, as Setup stores them). */
    List<String> callbackUrls() {
        List<String> out = new ArrayList<>();
        for (String v : values(EcaComponentType.GLOBAL_OAUTH, "callbackUrl")) {
            for (String line : v.split("\\R")) if (!line.isBlank()) out.add(line.strip());
        }
        return out;
    }

    private Document document(EcaComponentType type) {
        Path file = dir.resolve(type.path(type.memberName(apiName), MetadataFormat.METADATA_API));
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(Files.newInputStream(file));
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }
}
