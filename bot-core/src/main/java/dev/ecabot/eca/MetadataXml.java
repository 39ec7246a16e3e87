package dev.ecabot.eca;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metadata XML element being written: its child elements kept in alphabetical order, as Salesforce writes
 * retrieved files, serialised with four-space indentation in the metadata namespace. Null values are left out.
 * Not thread-safe; build, then call {@link #toBytes()}.
 */
final class MetadataXml {

    private final String name;
    /** Child name -> its values in insertion order; a value is a String or a nested MetadataXml. */
    private final TreeMap<String, List<Object>> children = new TreeMap<>();

    MetadataXml(String name) {
        this.name = name;
    }

    MetadataXml text(String child, String value) {
        if (value != null) children.computeIfAbsent(child, k -> new ArrayList<>()).add(value);
        return this;
    }

    MetadataXml bool(String child, boolean value) {
        return text(child, Boolean.toString(value));
    }

    MetadataXml integer(String child, Integer value) {
        return text(child, value == null ? null : value.toString());
    }

    MetadataXml token(String child, MetadataToken value) {
        return text(child, value == null ? null : value.token());
    }

    MetadataXml nested(MetadataXml element) {
        children.computeIfAbsent(element.name, k -> new ArrayList<>()).add(element);
        return this;
    }

    /** The document: XML declaration, this element as root in the metadata namespace, a final newline. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(EcaComponentType.METADATA_NAMESPACE);
            writeChildren(xml, 1);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write " + name + " XML", e);
        }
        return out.toByteArray();
    }

    /** For tests and error messages. */
    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    private void writeChildren(XMLStreamWriter xml, int depth) throws XMLStreamException {
        String indent = "\n" + "    ".repeat(depth);
        for (Map.Entry<String, List<Object>> child : children.entrySet()) {
            for (Object value : child.getValue()) {
                xml.writeCharacters(indent);
                if (value instanceof MetadataXml nestedElement) {
                    xml.writeStartElement(child.getKey());
                    nestedElement.writeChildren(xml, depth + 1);
                    xml.writeCharacters(indent);
                    xml.writeEndElement();
                } else {
                    xml.writeStartElement(child.getKey());
                    xml.writeCharacters((String) value);
                    xml.writeEndElement();
                }
            }
        }
    }
}
