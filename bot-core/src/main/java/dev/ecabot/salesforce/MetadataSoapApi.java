package dev.ecabot.salesforce;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two SOAP Metadata API calls ({@code /services/Soap/m/{version}}) the bot uses to read settings back from an
 * org: listMetadata (which components of a type exist) and readMetadata (their content). Each record read comes back
 * as a standalone metadata document, the same shape as a retrieved {@code -meta.xml} file. Thread-safe.
 */
public final class MetadataSoapApi {

    static final String METADATA_NS = "http://soap.sforce.com/2006/04/metadata";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    /** Salesforce's limits: 3 queries per listMetadata, 10 names per readMetadata. */
    static final int LIST_BATCH = 3;
    static final int READ_BATCH = 10;

    /** A component listMetadata reported. */
    public record Listed(String type, String fullName) {
    }

    /** A component readMetadata returned, as a standalone document whose root element is its type. */
    public record Read(String type, String fullName, byte[] document) {
    }

    private final SalesforceHttp http;

    MetadataSoapApi(SalesforceHttp http) {
        this.http = http;
    }

    /** Every component of the given types. */
    public List<Listed> listMetadata(List<String> types) {
        List<Listed> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i += LIST_BATCH) {
            List<String> batch = types.subList(i, Math.min(types.size(), i + LIST_BATCH));
            Document answer = call("listMetadata", request -> {
                batch.forEach(type -> request.start("queries").text("type", type).end());
                request.text("asOfVersion", http.org().apiVersion());
            }, "listing metadata");
            for (Element result : children(answer.getDocumentElement(), "result")) {
                out.add(new Listed(childText(result, "type"), childText(result, "fullName")));
            }
        }
        return out;
    }

    /** The content of components {@code fullNames} of {@code type}; names that do not exist are left out. */
    public List<Read> readMetadata(String type, List<String> fullNames) {
        List<Read> out = new ArrayList<>();
        for (int i = 0; i < fullNames.size(); i += READ_BATCH) {
            List<String> batch = fullNames.subList(i, Math.min(fullNames.size(), i + READ_BATCH));
            Document answer = call("readMetadata", request -> {
                request.text("type", type);
                batch.forEach(name -> request.text("fullNames", name));
            }, "reading " + type + " metadata");
            // <readMetadataResponse><result><records xsi:type="T">...</records>...</result>
            for (Element result : children(answer.getDocumentElement(), "result")) {
                for (Element records : children(result, "records")) {
                    String fullName = childText(records, "fullName");
                    if (fullName == null || fullName.isEmpty()) continue;
                    out.add(new Read(type, fullName, standalone(type, records)));
                }
            }
        }
        return out;
    }

    private Document call(String operation, Consumer<SoapRequest> arguments, String what) {
        HttpResponse<byte[]> response = http.authenticated(t -> HttpRequest.newBuilder(soapUrl(t))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(SoapRequest.envelope(t.value().reveal(), operation, arguments))).build(),
                what,
                r -> r.statusCode() >= 500 && !isFault(r),
                r -> r.statusCode() == 401 || (isFault(r) && SalesforceHttp.utf8(r.body()).contains("INVALID_SESSION_ID")));
        Document doc = parse(response.body());
        NodeList faults = doc.getElementsByTagNameNS(SOAP_NS, "Fault");
        if (faults.getLength() > 0) {
            Element fault = (Element) faults.item(0);
            String code = childText(fault, "faultcode");
            String message = childText(fault, "faultstring");
            throw new SalesforceApiException(response.statusCode(), code == null ? "" : code.replace("sf:", ""),
                    message == null ? "Salesforce answered a SOAP fault while " + what : message);
        }
        if (response.statusCode() >= 400) {
            throw new SalesforceApiException(response.statusCode(), "", "Salesforce answered HTTP " + response.statusCode() + " while " + what);
        }
        NodeList bodies = doc.getElementsByTagNameNS(SOAP_NS, "Body");
        Element body = bodies.getLength() == 0 ? null : firstElement(bodies.item(0));
        if (body == null) throw new SalesforceException("Salesforce's SOAP answer while " + what + " had no body.");
        Document operationAnswer = newBuilder().newDocument();
        operationAnswer.appendChild(operationAnswer.importNode(body, true));
        return operationAnswer;
    }

    private URI soapUrl(AccessToken token) {
        return URI.create(Org.stripSlash(token.instanceUrl().toString()) + "/services/Soap/m/" + http.org().apiVersion());
    }

    private static boolean isFault(HttpResponse<byte[]> r) {
        return SalesforceHttp.utf8(r.body()).contains("Fault>");
    }

    /** The record's children under a root element named after its type, in the metadata namespace. */
    private static byte[] standalone(String type, Element records) {
        Document doc = newBuilder().newDocument();
        Element root = doc.createElementNS(METADATA_NS, type);
        doc.appendChild(root);
        for (Node n = records.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) root.appendChild(renamespace(doc, e));
        }
        try {
            javax.xml.transform.Transformer transformer;
            synchronized (TRANSFORMERS) { // a factory is not thread-safe; the transformer it makes is this call's own
                transformer = TRANSFORMERS.newTransformer();
            }
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code e} into {@code doc} with every element in the metadata namespace and no xsi attributes. */
    private static Element renamespace(Document doc, Element e) {
        Element copy = doc.createElementNS(METADATA_NS, e.getLocalName());
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) copy.appendChild(renamespace(doc, child));
            else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) copy.appendChild(doc.createTextNode(n.getNodeValue()));
        }
        return copy;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static String childText(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static Element firstElement(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e;
        }
        return null;
    }

    static Document parse(byte[] xml) {
        try {
            return newBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new SalesforceException("Salesforce's SOAP answer is not valid XML.");
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (BUILDERS) { // a factory is not thread-safe; the builder it makes is this call's own
                return BUILDERS.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /*
     * One factory of each kind, configured once: newInstance() looks its implementation up on the class path (a
     * scan of the jars' service files), and every SOAP call made new ones. With 1,000 conversations at
     * once, building them was about a fifth of the chat threads' CPU (JFR, docs/performance.md).
     */
    private static final DocumentBuilderFactory BUILDERS = builderFactory();
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

    private static DocumentBuilderFactory builderFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
