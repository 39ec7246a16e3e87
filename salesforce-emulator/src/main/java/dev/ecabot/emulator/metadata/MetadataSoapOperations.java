package dev.ecabot.emulator.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.auth.Session;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.OrgState;
import dev.ecabot.emulator.org.SalesforceIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The SOAP Metadata API calls standard clients (jsforce, the Salesforce CLI) make besides list/read: deploy,
 * checkDeployStatus (with includeDetails), cancelDeploy, retrieve, checkRetrieveStatus and describeMetadata. A SOAP
 * deploy runs through the same {@link DeployService} as a REST deploy; its result is the REST deployResult written
 * as XML elements. A retrieve completes at once. Thread-safe.
 */
final class MetadataSoapOperations {

    /** Body text of a SOAP answer, or a fault. */
    sealed interface Answer permits Body, Fault { }

    record Body(String xml) implements Answer { }

    record Fault(String code, String message) implements Answer { }

    private final OrgState org;
    private final DeployService deploys;
    private final SalesforceIds ids;
    private final Function<Component, List<XmlElement>> readFields;
    private final Map<String, byte[]> retrievals = new ConcurrentHashMap<>();
    private final Map<String, List<String[]>> retrievedFiles = new ConcurrentHashMap<>();

    MetadataSoapOperations(OrgState org, DeployService deploys, SalesforceIds ids, Function<Component, List<XmlElement>> readFields) {
        this.org = org;
        this.deploys = deploys;
        this.ids = ids;
        this.readFields = readFields;
    }

    Answer deploy(XmlElement call, Session session) {
        String zip = call.childText("ZipFile").orElse("");
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(zip);
        } catch (IllegalArgumentException e) {
            return new Fault("soapenv:Client", "ZipFile is not base64: " + e.getMessage());
        }
        ObjectNode options = Json.object();
        call.child("DeployOptions").ifPresent(o -> o.children().forEach(option -> {
            if (option.name().equals("runTests")) {
                options.withArray("runTests").add(option.text().trim());
            } else if (option.text().trim().equals("true") || option.text().trim().equals("false")) {
                options.put(option.name(), Boolean.parseBoolean(option.text().trim()));
            } else {
                options.put(option.name(), option.text().trim());
            }
        }));
        DeployOptions parsed;
        try {
            ObjectNode request = Json.object();
            request.set("deployOptions", options);
            parsed = DeployOptions.fromJson(request);
        } catch (IllegalArgumentException e) {
            return new Fault("soapenv:Client", e.getMessage());
        }
        DeployJob job = deploys.submit(parsed, bytes, session.userId(), session.username());
        return new Body("<deployResponse><result><done>false</done><id>" + job.id() + "</id><state>Queued</state>"
                + "</result></deployResponse>");
    }

    Answer checkDeployStatus(XmlElement call) {
        String id = call.childText("asyncProcessId").orElse("");
        boolean details = call.childText("includeDetails").map(v -> v.equals("true")).orElse(false);
        Optional<DeployJob> job = deploys.job(id);
        if (job.isEmpty()) {
            return new Fault("sf:INVALID_ID_FIELD", "INVALID_ID_FIELD: invalid id " + id);
        }
        JsonNode result = DeployResultJson.status(job.get().snapshot(), "", details).get("deployResult");
        return new Body("<checkDeployStatusResponse><result>" + xml(result) + "</result></checkDeployStatusResponse>");
    }

    Answer cancelDeploy(XmlElement call, Session session) {
        String id = call.childText("String").orElse("");
        Optional<DeployJob> job = deploys.job(id);
        if (job.isEmpty()) {
            return new Fault("sf:INVALID_ID_FIELD", "INVALID_ID_FIELD: invalid id " + id);
        }
        boolean canceling = deploys.cancel(job.get(), session.userId(), session.username());
        if (!canceling) {
            return new Fault("sf:INVALID_ID_FIELD", "INVALID_ID_FIELD: Deployment already completed");
        }
        return new Body("<cancelDeployResponse><result><done>false</done><id>" + job.get().id() + "</id></result>"
                + "</cancelDeployResponse>");
    }

    Answer retrieve(XmlElement call) {
        // The WSDL names the argument retrieveRequest; jsforce sends it as "request".
        XmlElement request = call.child("retrieveRequest").or(() -> call.child("request")).orElse(call);
        boolean single = request.childText("singlePackage").map(v -> v.equals("true")).orElse(false);
        String version = request.childText("apiVersion").orElse(org.apiVersions().latest() + ".0");
        Map<String, List<String>> members = new LinkedHashMap<>();
        request.child("unpackaged").ifPresent(p -> p.children().stream().filter(t -> t.name().equals("types")).forEach(t -> {
            String name = t.childText("name").orElse("");
            for (XmlElement m : t.children()) {
                if (m.name().equals("members")) members.computeIfAbsent(name, k -> new ArrayList<>()).add(m.text().trim());
            }
        }));
        String prefix = single ? "" : "unpackaged/";
        Map<String, String> files = new LinkedHashMap<>();
        List<String[]> properties = new ArrayList<>();
        StringBuilder pkg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Package xmlns=\""
                + MetadataNamespace.URI + "\">\n");
        for (Map.Entry<String, List<String>> entry : members.entrySet()) {
            Optional<MetadataType> type = MetadataType.byApiName(entry.getKey());
            if (type.isEmpty()) {
                return new Fault("sf:INVALID_TYPE", "INVALID_TYPE: Unknown type: " + entry.getKey());
            }
            List<Component> found = new ArrayList<>();
            for (String member : entry.getValue()) {
                if (member.equals("*")) {
                    found.addAll(org.components(type.get()));
                } else {
                    org.component(type.get(), member).ifPresent(found::add);
                }
            }
            found.sort(Comparator.comparing(Component::fullName));
            if (!found.isEmpty()) pkg.append("    <types>\n");
            for (Component c : found) {
                String path = type.get().folder() + "/" + c.fullName() + "." + type.get().suffix();
                files.put(prefix + path, document(c));
                properties.add(new String[]{path, c.fullName(), c.id(), type.get().apiName()});
                pkg.append("        <members>").append(c.fullName()).append("</members>\n");
            }
            if (!found.isEmpty()) pkg.append("        <name>").append(type.get().apiName()).append("</name>\n    </types>\n");
        }
        pkg.append("    <version>").append(version).append("</version>\n</Package>\n");
        files.put(prefix + "package.xml", pkg.toString());
        String id = ids.next("09S");
        retrievals.put(id, zip(files));
        retrievedFiles.put(id, properties);
        return new Body("<retrieveResponse><result><done>false</done><id>" + id + "</id><state>Queued</state></result>"
                + "</retrieveResponse>");
    }

    Answer checkRetrieveStatus(XmlElement call, Session session) {
        String id = call.childText("asyncProcessId").orElse("");
        byte[] zip = retrievals.get(id);
        if (zip == null) {
            return new Fault("sf:INVALID_ID_FIELD", "INVALID_ID_FIELD: invalid id " + id);
        }
        boolean includeZip = call.childText("includeZip").map(v -> !v.equals("false")).orElse(true);
        StringBuilder out = new StringBuilder("<checkRetrieveStatusResponse><result><done>true</done>");
        for (String[] p : retrievedFiles.get(id)) {
            out.append("<fileProperties><createdById>").append(session.userId(), 0, 15).append("</createdById>")
                    .append("<createdByName>").append(session.username()).append("</createdByName>")
                    .append("<fileName>unpackaged/").append(p[0]).append("</fileName><fullName>").append(p[1])
                    .append("</fullName><id>").append(p[2]).append("</id><manageableState>unmanaged</manageableState>")
                    .append("<type>").append(p[3]).append("</type></fileProperties>");
        }
        out.append("<id>").append(id).append("</id><status>Succeeded</status><success>true</success>");
        if (includeZip) out.append("<zipFile>").append(Base64.getEncoder().encodeToString(zip)).append("</zipFile>");
        return new Body(out.append("</result></checkRetrieveStatusResponse>").toString());
    }

    Answer describeMetadata() {
        StringBuilder out = new StringBuilder("<describeMetadataResponse><result>");
        for (MetadataType type : MetadataType.values()) {
            out.append("<metadataObjects><directoryName>").append(type.folder()).append("</directoryName>")
                    .append("<inFolder>false</inFolder><metaFile>false</metaFile><suffix>").append(type.suffix())
                    .append("</suffix><xmlName>").append(type.apiName()).append("</xmlName></metadataObjects>");
        }
        return new Body(out.append("<organizationNamespace></organizationNamespace><partialSaveAllowed>true</partialSaveAllowed>"
                + "<testRequired>false</testRequired></result></describeMetadataResponse>").toString());
    }

    /** A component as a retrieved Metadata API file, with the values Salesforce adds (never the secret). */
    private String document(Component c) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + c.type().apiName()
                + " xmlns=\"" + MetadataNamespace.URI + "\">\n");
        for (XmlElement field : readFields.apply(c)) {
            xml.append("    ");
            append(xml, field);
            xml.append('\n');
        }
        return xml.append("</").append(c.type().apiName()).append(">\n").toString();
    }

    private static void append(StringBuilder out, XmlElement field) {
        out.append('<').append(field.name()).append('>');
        if (field.isLeaf()) {
            out.append(escape(field.text()));
        } else {
            field.children().forEach(child -> append(out, child));
        }
        out.append("</").append(field.name()).append('>');
    }

    /** A JSON object as SOAP elements: arrays repeat their element, nulls are left out. */
    private static String xml(JsonNode node) {
        StringBuilder out = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isNull()) continue;
            if (f.getValue().isArray()) {
                for (JsonNode item : f.getValue()) out.append(element(f.getKey(), item));
            } else {
                out.append(element(f.getKey(), f.getValue()));
            }
        }
        return out.toString();
    }

    private static String element(String name, JsonNode value) {
        String inner = value.isObject() ? xml(value) : escape(value.asText());
        return "<" + name + ">" + inner + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
