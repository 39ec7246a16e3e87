package dev.ecabot.emulator.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package.xml or destructiveChanges.xml: the members named for each type name, in file order, and the API
 * version it declares. Parse with {@link #parse}; a file that is not a Package in the metadata namespace is
 * refused with a message saying so.
 */
public record PackageManifest(Map<String, List<XmlElement>> membersByType, String version) {

    public static PackageManifest parse(XmlElement root) throws InvalidManifestException {
        if (!root.name().equals("Package") || !root.namespace().equals(MetadataNamespace.URI)) {
            throw new InvalidManifestException("Error parsing file: the root element must be Package in namespace "
                    + MetadataNamespace.URI + ", found {" + root.namespace() + "}" + root.name());
        }
        Map<String, List<XmlElement>> members = new LinkedHashMap<>();
        String version = root.childText("version").orElse("");
        for (XmlElement child : root.children()) {
            if (child.name().equals("types")) {
                String typeName = child.childText("name").orElseThrow(() ->
                        new InvalidManifestException("Error parsing file: a <types> element has no <name>"));
                for (XmlElement member : child.children()) {
                    if (member.name().equals("members")) {
                        members.computeIfAbsent(typeName, t -> new ArrayList<>()).add(member);
                    }
                }
                members.computeIfAbsent(typeName, t -> new ArrayList<>());
            } else if (!child.name().equals("version") && !child.name().equals("fullName")) {
                throw new InvalidManifestException("Error parsing file: Element {" + child.namespace() + "}"
                        + child.name() + " invalid at this location in type Package");
            }
        }
        return new PackageManifest(members, version);
    }

    public boolean isEmpty() {
        return membersByType.values().stream().allMatch(List::isEmpty);
    }

    /** A manifest Salesforce would refuse to read. */
    public static final class InvalidManifestException extends Exception {
        public InvalidManifestException(String message) {
            super(message);
        }
    }
}
