package dev.ecabot.emulator.metadata;

import dev.ecabot.emulator.auth.Session;
import dev.ecabot.emulator.auth.Sessions;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.Route;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.OrgState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The SOAP Metadata API calls the bot uses to read settings back: listMetadata (fileProperties of the ECA
 * types) and readMetadata (records with the same elements as the metadata files, xsi:type set, plus the values
 * Salesforce generates: consumerKey, oauthLink, orgScopedExternalApp). The session comes from
 * SessionHeader/sessionId. Names asked for that do not exist are left out of readMetadata's result.
 * Thread-safe.
 */
public final class MetadataSoapResource {

    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    private final OrgState org;
    private final Sessions sessions;
    private final XmlReader xml = new XmlReader();
    private final MetadataSoapOperations operations;

    public MetadataSoapResource(OrgState org, Sessions sessions) {
        this(org, sessions, null, null);
    }

    /** With {@code deploys} (may be null: no SOAP deploy) for deploy/checkDeployStatus/cancelDeploy. */
    public MetadataSoapResource(OrgState org, Sessions sessions, DeployService deploys, dev.ecabot.emulator.org.SalesforceIds ids) {
        this.org = org;
        this.sessions = sessions;
        this.operations = new MetadataSoapOperations(org, deploys, ids == null ? new dev.ecabot.emulator.org.SalesforceIds("5h") : ids,
                this::recordFields);
    }

    public List<Route> routes() {
        return List.of(Route.post("/services/Soap/m/(\\d+\\.\\d)(/[A-Za-z0-9]+)?", this::handle).open());
    }

    private ApiResponse handle(ApiRequest request, Matcher path) {
        if (!org.apiVersions().serves(path.group(1))) {
            // The fault code is a guess; that a real org refuses a version it does not serve is not.
            return fault("sf:UNSUPPORTED_API_VERSION", "UNSUPPORTED_API_VERSION: Invalid Api version specified on URL: "
                    + path.group(1) + " (this org serves " + org.apiVersions().describe() + ")");
        }
        XmlElement envelope;
        try {
            envelope = xml.read(request.body());
        } catch (XmlReader.XmlParseException e) {
            return fault("soapenv:Client", "Unable to parse the SOAP envelope: " + e.getMessage());
        }
        if (!envelope.name().equals("Envelope") || !envelope.namespace().equals(SOAP_ENV)) {
            return fault("soapenv:VersionMismatch", "Wrong envelope: expected {" + SOAP_ENV + "}Envelope");
        }
        Optional<Session> session = envelope.child("Header")
                .flatMap(h -> h.child("SessionHeader"))
                .flatMap(h -> h.childText("sessionId"))
                .flatMap(sessions::find);
        if (session.isEmpty()) {
            return fault("sf:INVALID_SESSION_ID", "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: "
                    + "Illegal Session");
        }
        Optional<XmlElement> operation = envelope.child("Body").flatMap(b -> b.children().stream().findFirst());
        if (operation.isEmpty()) {
            return fault("soapenv:Client", "The SOAP body is empty");
        }
        XmlElement op = operation.get();
        return switch (op.name()) {
            case "listMetadata" -> listMetadata(op, session.get());
            case "readMetadata" -> readMetadata(op);
            case "deploy" -> answer(operations.deploy(op, session.get()));
            case "checkDeployStatus" -> answer(operations.checkDeployStatus(op));
            case "cancelDeploy" -> answer(operations.cancelDeploy(op, session.get()));
            case "retrieve" -> answer(operations.retrieve(op));
            case "checkRetrieveStatus" -> answer(operations.checkRetrieveStatus(op, session.get()));
            case "describeMetadata" -> answer(operations.describeMetadata());
            default -> fault("soapenv:Client", "No operation available for request {" + operation.get().namespace()
                    + "}" + operation.get().name() + ", please check the WSDL for the service.");
        };
    }

    private static ApiResponse answer(MetadataSoapOperations.Answer answer) {
        if (answer instanceof MetadataSoapOperations.Fault f) return fault(f.code(), f.message());
        return envelope(((MetadataSoapOperations.Body) answer).xml());
    }

    private ApiResponse listMetadata(XmlElement call, Session session) {
        long queries = call.children().stream().filter(q -> q.name().equals("queries")).count();
        if (queries > 3) {
            // The guide: "You can specify a maximum of three ListMetadataQuery queries per call."
            return fault("soapenv:Client", "INVALID_QUERY: listMetadata accepts at most 3 queries per call, got " + queries);
        }
        StringBuilder results = new StringBuilder();
        for (XmlElement query : call.children()) {
            if (!query.name().equals("queries")) {
                continue;
            }
            String typeName = query.childText("type").orElse("");
            Optional<MetadataType> type = MetadataType.byApiName(typeName);
            if (type.isEmpty()) {
                return fault("sf:INVALID_TYPE", "INVALID_TYPE: Unknown type: " + typeName);
            }
            for (Component c : org.components(type.get())) {
                results.append("<result>")
                        .append(element("createdById", session.userId().substring(0, 15)))
                        .append(element("createdByName", session.username()))
                        .append(element("createdDate", soapDate(c.createdDate())))
                        .append(element("fileName", type.get().folder() + "/" + c.fullName() + "." + type.get().suffix()))
                        .append(element("fullName", c.fullName()))
                        .append(element("id", c.id()))
                        .append(element("lastModifiedById", session.userId().substring(0, 15)))
                        .append(element("lastModifiedByName", session.username()))
                        .append(element("lastModifiedDate", soapDate(c.lastModifiedDate())))
                        .append(element("manageableState", "unmanaged"))
                        .append(element("type", typeName))
                        .append("</result>");
            }
        }
        return envelope("<listMetadataResponse>" + results + "</listMetadataResponse>");
    }

    private ApiResponse readMetadata(XmlElement call) {
        String typeName = call.childText("type").orElse("");
        if (typeName.equals(EXTERNAL_CLIENT_APP_SETTINGS)) return readSettings(call);
        Optional<MetadataType> type = MetadataType.byApiName(typeName);
        if (type.isEmpty()) {
            return fault("sf:INVALID_TYPE", "INVALID_TYPE: Unknown type: " + typeName);
        }
        StringBuilder records = new StringBuilder();
        for (XmlElement name : call.children()) {
            if (name.name().equals("fullNames")) {
                org.component(type.get(), name.text().trim()).ifPresent(c -> records.append(record(c)));
            }
        }
        return envelope("<readMetadataResponse><result>" + records + "</result></readMetadataResponse>");
    }

    private static final String EXTERNAL_CLIENT_APP_SETTINGS = "ExternalClientAppSettings";

    /** The org's External Client App settings (fullName "ExternalClientApp"), as Setup's switches stand. */
    private ApiResponse readSettings(XmlElement call) {
        boolean asked = call.children().stream()
                .anyMatch(n -> n.name().equals("fullNames") && n.text().trim().equals("ExternalClientApp"));
        String record = !asked ? "" : "<records xsi:type=\"" + EXTERNAL_CLIENT_APP_SETTINGS + "\">"
                + element("fullName", "ExternalClientApp")
                + element("enableClientSecretInRestApiAccess", String.valueOf(org.secretsViaRestApi()))
                + element("enableExternalClientApps", String.valueOf(org.externalClientAppsEnabled()))
                + "</records>";
        return envelope("<readMetadataResponse><result>" + record + "</result></readMetadataResponse>");
    }

    private String record(Component component) {
        List<XmlElement> fields = recordFields(component);
        StringBuilder xmlText = new StringBuilder("<records xsi:type=\"" + component.type().apiName() + "\">");
        xmlText.append(element("fullName", component.fullName()));
        fields.forEach(field -> append(xmlText, field));
        return xmlText.append("</records>").toString();
    }

    /** The component's elements as a read or retrieve gives them: the file's, plus what Salesforce generates. */
    private List<XmlElement> recordFields(Component component) {
        List<XmlElement> fields = new ArrayList<>(component.fields());
        String org15 = org.orgId().substring(0, 15);
        switch (component.type()) {
            case EXTERNAL_CLIENT_APPLICATION -> fields.add(XmlElement.of("orgScopedExternalApp",
                    org15 + ":" + component.fullName()));
            case GLOBAL_OAUTH_SETTINGS -> org.consumerOf(component.appName()).ifPresent(consumer ->
                    fields.add(XmlElement.of("consumerKey", consumer.key())));
            case OAUTH_SETTINGS -> org.consumerOf(component.appName()).ifPresent(consumer ->
                    fields.add(XmlElement.of("oauthLink", org15 + ":" + consumer.id().substring(0, 15))));
            default -> { }
        }
        fields.sort(Comparator.comparing(XmlElement::name));
        return fields;
    }

    private static void append(StringBuilder out, XmlElement field) {
        if (field.isLeaf()) {
            out.append(element(field.name(), field.text()));
            return;
        }
        out.append('<').append(field.name()).append('>');
        field.children().forEach(child -> append(out, child));
        out.append("</").append(field.name()).append('>');
    }

    private static ApiResponse envelope(String body) {
        return ApiResponse.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
                + SOAP_ENV + "\" xmlns=\"" + MetadataNamespace.URI + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>");
    }

    /** SOAP faults answer HTTP 500, as Salesforce's do. */
    private static ApiResponse fault(String code, String message) {
        return ApiResponse.xml(500, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
                + SOAP_ENV + "\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\"><soapenv:Body><soapenv:Fault>"
                + element("faultcode", code) + element("faultstring", message)
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>");
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String soapDate(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
