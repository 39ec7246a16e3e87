package dev.ecabot.emulator.metadata;

import java.util.List;
import java.util.Optional;

/**
 * One element of a metadata file: its namespace, name, text, children and where it started in the file
 * (Salesforce reports line and column numbers in component failures). Immutable.
 */
public record XmlElement(String namespace, String name, String text, List<XmlElement> children, int line, int column) {

    public XmlElement {
        namespace = namespace == null ? "" : namespace;
        text = text == null ? "" : text;
        children = List.copyOf(children);
    }

    /** A simple element with text only, in the metadata namespace. */
    public static XmlElement of(String name, String text) {
        return new XmlElement(MetadataNamespace.URI, name, text, List.of(), 0, 0);
    }

    public Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    public Optional<String> childText(String childName) {
        return child(childName).map(c -> c.text.trim());
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
