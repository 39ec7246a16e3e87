package dev.ecabot.eca;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The elements of an org's ECA components that the bot does not manage (idTokenConfig, apexHandler,
 * isDPopEnabled, customAttributes, anything a newer release adds...), so a redeploy can carry them over instead
 * of dropping them, and the inventory can show them. Never carries or shows what Salesforce generates or keeps
 * secret (consumerKey, consumerSecret, oauthLink, orgScopedExternalApp) nor the one-shot rotate switches.
 * Stateless and thread-safe.
 */
public final class UnmanagedElements {

    /** Elements the bot writes for each type (whatever their value, absent included): see EcaComponentXml. */
    static final Map<EcaComponentType, Set<String>> MANAGED = managed();

    /** Never copied from the org into a deploy, never shown. */
    static final Set<String> NEVER_CARRIED = Set.of("fullName", "consumerKey", "consumerSecret", "oauthLink",
            "orgScopedExternalApp", "shouldRotateConsumerKey", "shouldRotateConsumerSecret");

    private UnmanagedElements() {
    }

    /**
     * {@code written} (the bot's package for an app) with every unmanaged element of the org's current components
     * ({@code orgDocuments}, standalone metadata documents by type) added to the matching file, in alphabetical
     * position (the Metadata API reads elements in schema order, which is alphabetical for these types).
     * Components the bot does not write (e.g. ExtlClntAppOauthSecuritySettings) are left alone: a deploy without
     * them does not change them.
     */
    public static MetadataPackage merge(MetadataPackage written, Map<EcaComponentType, byte[]> orgDocuments) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : written.paths()) {
            byte[] content = written.content(path);
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            EcaComponentType type = EcaComponentType.fromFileName(fileName).orElse(null);
            byte[] org = type == null ? null : orgDocuments.get(type);
            files.put(path, org == null ? content : mergeOne(path, type, content, org));
        }
        return new MetadataPackage(files);
    }

    /** The unmanaged elements of one org document as name -> text (nested elements as their child texts). */
    public static Map<String, String> of(EcaComponentType type, byte[] document) {
        Map<String, String> out = new LinkedHashMap<>();
        Element root = EcaComponent.parseXmlDocument(type.xmlName(), document).getDocumentElement();
        for (Element child : children(root)) {
            String name = ComponentFields.localName(child);
            if (isManaged(type, name) || NEVER_CARRIED.contains(name)) continue;
            String value = describe(child);
            out.merge(name, value, (a, b) -> a + "; " + b);
        }
        return out;
    }

    /** Every unmanaged element of an app's org components, keyed "Type.element". */
    public static Map<String, String> ofAll(Map<EcaComponentType, byte[]> orgDocuments) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<EcaComponentType, byte[]> sorted = new EnumMap<>(EcaComponentType.class);
        sorted.putAll(orgDocuments);
        sorted.forEach((type, doc) -> of(type, doc).forEach((k, v) -> out.put(type.xmlName() + "." + k, v)));
        return out;
    }

    static boolean isManaged(EcaComponentType type, String element) {
        return MANAGED.getOrDefault(type, Set.of()).contains(element);
    }

    private static byte[] mergeOne(String path, EcaComponentType type, byte[] written, byte[] org) {
        Document mine = EcaComponent.parseXmlDocument(path, written);
        Element myRoot = mine.getDocumentElement();
        Element orgRoot = EcaComponent.parseXmlDocument(path + " (as in the org)", org).getDocumentElement();
        boolean changed = false;
        for (Element orgChild : children(orgRoot)) {
            String name = ComponentFields.localName(orgChild);
            if (isManaged(type, name) || NEVER_CARRIED.contains(name)) continue;
            Element copy = (Element) mine.importNode(orgChild, true);
            mine.renameNode(copy, myRoot.getNamespaceURI(), name);
            renameDescendants(mine, copy, myRoot.getNamespaceURI());
            Node before = null;
            for (Element existing : children(myRoot)) {
                if (ComponentFields.localName(existing).compareTo(name) > 0) {
                    before = existing;
                    break;
                }
            }
            myRoot.insertBefore(copy, before);
            changed = true;
        }
        return changed ? serialize(mine) : written;
    }

    private static void renameDescendants(Document doc, Element element, String namespace) {
        for (Element child : children(element)) {
            Element renamed = (Element) doc.renameNode(child, namespace, ComponentFields.localName(child));
            renameDescendants(doc, renamed, namespace);
        }
    }

    private static String describe(Element element) {
        List<Element> kids = children(element);
        if (kids.isEmpty()) return element.getTextContent().strip();
        List<String> parts = new ArrayList<>();
        for (Element k : kids) parts.add(ComponentFields.localName(k) + "=" + describe(k));
        return String.join(", ", parts);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) out.add(e);
        }
        return out;
    }

    private static byte[] serialize(Document doc) {
        try {
            // Drop the whitespace-only text nodes left from the original indentation, then indent afresh.
            stripBlankText(doc.getDocumentElement());
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            doc.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("a merged metadata document could not be written", e);
        }
    }

    private static void stripBlankText(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank() && node.getChildNodes().getLength() > 1) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                stripBlankText(child);
            }
            child = next;
        }
    }

    private static Map<EcaComponentType, Set<String>> managed() {
        Map<EcaComponentType, Set<String>> m = new EnumMap<>(EcaComponentType.class);
        m.put(EcaComponentType.APP, Set.of("contactEmail", "contactPhone", "description", "distributionState", "iconUrl",
                "isProtected", "label", "logoUrl"));
        m.put(EcaComponentType.GLOBAL_OAUTH, Set.of("externalClientApplication", "label", "callbackUrl", "certificate",
                "isClientCredentialsFlowEnabled", "isCodeCredFlowEnabled", "isCodeCredPostOnly", "isConsumerSecretOptional",
                "isDeviceFlowEnabled", "isIntrospectAllTokens", "isNamedUserJwtEnabled", "isPkceRequired",
                "isRefreshTokenRotationEnabled", "isSecretRequiredForRefreshToken", "isSecretRequiredForTokenExchange",
                "isTokenExchangeEnabled", "shouldRotateConsumerKey", "shouldRotateConsumerSecret"));
        m.put(EcaComponentType.OAUTH_SETTINGS, Set.of("externalClientApplication", "label", "commaSeparatedOauthScopes",
                "singleLogoutUrl", "trustedIpRanges"));
        m.put(EcaComponentType.OAUTH_POLICIES, Set.of("externalClientApplication", "label", "clientCredentialsFlowUser",
                "commaSeparatedCustomScopes", "commaSeparatedPermissionSet", "commaSeparatedProfile", "ipRelaxationPolicyType",
                "isClientCredentialsFlowEnabled", "isTokenExchangeFlowEnabled", "permittedUsersPolicyType", "policyAction",
                "refreshTokenPolicyType", "refreshTokenValidityPeriod", "refreshTokenValidityUnit", "requiredSessionLevel",
                "sessionTimeoutInMinutes", "singleLogoutUrl", "startUrl"));
        m.put(EcaComponentType.POLICIES, Set.of("externalClientApplication", "label", "isEnabled", "isOauthPluginEnabled"));
        m.put(EcaComponentType.OAUTH_SECURITY, Set.of("externalClientApplication", "label"));
        return Map.copyOf(m);
    }
}
