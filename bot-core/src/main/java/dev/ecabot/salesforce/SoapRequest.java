package dev.ecabot.salesforce;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One SOAP Metadata API request: the envelope with the session header, and the operation's elements in the
 * metadata namespace, written with StAX so every value (names, types, the session id) is escaped by the XML writer
 * rather than by hand. Not thread-safe: build one per request.
 */
final class SoapRequest {

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    private SoapRequest(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The UTF-8 request calling {@code operation} with {@code sessionId}, its arguments written by {@code arguments}. */
    static byte[] envelope(String sessionId, String operation, Consumer<SoapRequest> arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.setPrefix("soapenv", SOAP_NS);
            xml.setPrefix("met", MetadataSoapApi.METADATA_NS);
            xml.writeStartElement(SOAP_NS, "Envelope");
            xml.writeNamespace("soapenv", SOAP_NS);
            xml.writeNamespace("met", MetadataSoapApi.METADATA_NS);
            xml.writeStartElement(SOAP_NS, "Header");
            SoapRequest request = new SoapRequest(xml);
            request.start("SessionHeader").text("sessionId", sessionId).end();
            xml.writeEndElement();
            xml.writeStartElement(SOAP_NS, "Body");
            request.start(operation);
            arguments.accept(request);
            request.end();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the SOAP request for " + operation, e);
        }
        return out.toByteArray();
    }

    /** Opens element {@code name}; close it with {@link #end()}. */
    SoapRequest start(String name) {
        try {
            xml.writeStartElement(MetadataSoapApi.METADATA_NS, name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes {@code <name>value</name>}. */
    SoapRequest text(String name, String value) {
        start(name);
        try {
            xml.writeCharacters(value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return end();
    }

    SoapRequest end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
