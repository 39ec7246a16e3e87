package dev.ecabot.eca;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes package.xml and destructiveChanges.xml: the members of each metadata type, types sorted by name as a
 * retrieve writes them, and (for package.xml) the API version. Stateless.
 */
final class PackageManifest {

    private PackageManifest() {
    }

    /** package.xml listing {@code members} (type name -> member names) at {@code apiVersion}. */
    static byte[] packageXml(Map<String, List<String>> members, String apiVersion) {
        MetadataXml xml = types(members);
        xml.text("version", apiVersion);
        return xml.toBytes();
    }

    /** destructiveChanges.xml: the members to delete; Salesforce takes the version from package.xml. */
    static byte[] destructiveChangesXml(Map<String, List<String>> members) {
        return types(members).toBytes();
    }

    private static MetadataXml types(Map<String, List<String>> members) {
        MetadataXml xml = new MetadataXml("Package");
        for (Map.Entry<String, List<String>> type : new TreeMap<>(members).entrySet()) {
            MetadataXml types = new MetadataXml("types");
            new TreeSet<>(type.getValue()).forEach(member -> types.text("members", member));
            types.text("name", type.getKey());
            xml.nested(types);
        }
        return xml;
    }
}
