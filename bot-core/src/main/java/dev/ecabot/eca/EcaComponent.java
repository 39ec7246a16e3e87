package dev.ecabot.eca;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One parsed ECA metadata component: its type, its member name (fullName), the app it belongs to and its
 * fields. Comes from a file ({@link #parse}) or from a SOAP readMetadata {@code <records>} element
 * ({@link #fromRecord}). Immutable.
 *
 * @param fullName the member name: the file name without suffix, or the record's {@code fullName}
 */
public record EcaComponent(EcaComponentType type, String fullName, ComponentFields fields) {

    public EcaComponent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(fields, "fields");
    }

    /** The app's API name: the member name of an ExternalClientApplication, a companion's externalClientApplication. */
    public String appApiName() {
        if (type == EcaComponentType.APP) return fullName;
        return fields.text("externalClientApplication").orElseThrow(() -> fields.error("externalClientApplication",
                "is missing; every " + type.xmlName() + " must name the ExternalClientApplication it belongs to"));
    }

    /** Where the component came from, for messages. */
    public String source() {
        return fields.source();
    }

    /**
     * Parses one component file. The type is its root element; {@code path} (e.g.
     * {@code extlClntAppOauthSettings/MyApp_oauth.ecaOauth-meta.xml}) gives the member name and names the file in errors.
     */
    public static EcaComponent parse(String path, byte[] xml) {
        Element root = parseXml(path, xml).getDocumentElement();
        String rootName = ComponentFields.localName(root);
        if (!EcaComponentType.METADATA_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new EcaMetadataException(path, rootName, "the namespace is '" + root.getNamespaceURI()
                    + "'; Salesforce metadata files use xmlns=\"" + EcaComponentType.METADATA_NAMESPACE + "\"");
        }
        EcaComponentType type = EcaComponentType.fromXmlName(rootName).orElseThrow(() -> new EcaMetadataException(
                path, rootName, "is not an External Client App metadata type; expected one of "
                + Arrays.stream(EcaComponentType.values()).map(EcaComponentType::xmlName).toList()));
        return new EcaComponent(type, memberName(path, type), new ComponentFields(root, path));
    }

    /** {@link #parse(String, byte[])} of XML text. */
    public static EcaComponent parse(String path, String xml) {
        return parse(path, xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A component from a SOAP readMetadata answer: a {@code <records xsi:type="ExtlClntAppOauthSettings">} element
     * whose children have the same names as the file's. The type comes from xsi:type, the member from fullName.
     */
    public static EcaComponent fromRecord(Element records) {
        String xsiType = records.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
        String typeName = xsiType.contains(":") ? xsiType.substring(xsiType.indexOf(':') + 1) : xsiType;
        EcaComponentType type = EcaComponentType.fromXmlName(typeName).orElseThrow(() -> new EcaMetadataException(
                "readMetadata record", "records", "xsi:type '" + xsiType + "' is not an External Client App type"));
        return fromRecord(type, records);
    }

    /** A component of a known type from a readMetadata {@code <records>} element. */
    public static EcaComponent fromRecord(EcaComponentType type, Element records) {
        ComponentFields fields = new ComponentFields(records, "readMetadata " + type.xmlName() + " record");
        String fullName = fields.text("fullName").orElseThrow(() -> fields.error("fullName",
                "is missing; a readMetadata record always names its component"));
        return new EcaComponent(type, fullName, new ComponentFields(records, type.xmlName() + " " + fullName));
    }

    private static String memberName(String path, EcaComponentType type) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        for (String ending : new String[]{"." + type.suffix() + MetadataFormat.SOURCE.fileNameEnding(), "." + type.suffix()}) {
            if (fileName.endsWith(ending)) return fileName.substring(0, fileName.length() - ending.length());
        }
        return fileName; // XML handed over without a metadata file name: the name given is the member name

    }

    /** A metadata document parsed securely; {@code path} names it in errors. */
    static Document parseXmlDocument(String path, byte[] xml) {
        return parseXml(path, xml);
    }

    private static Document parseXml(String path, byte[] xml) {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fail on fatal errors without printing to stderr
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new EcaMetadataException(path, null, "is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new EcaMetadataException(path, null, "could not be read: " + e.getMessage(), e);
        }
    }

    /** Namespace-aware, no DTDs or external entities: metadata files may come from anywhere. */
    static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
