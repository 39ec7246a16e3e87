package dev.ecabot.emulator.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.http.Route;
import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.OrgState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /services/data/vXX.X/query?q=... on ExternalClientApplication, answering {totalSize, done, records[,
 * nextRecordsUrl]} with records carrying attributes {type, url}; further pages come from
 * GET .../query/{cursor}-{offset}; a record's attributes.url (GET .../sobjects/ExternalClientApplication/{id})
 * answers the record with every field. String comparisons ignore case, as SOQL's do. Queries on User, PermissionSet,
 * Profile and PermissionSetAssignment go to {@link DirectoryQueries}. Thread-safe.
 */
public final class QueryResource {

    private static final String OBJECT = "ExternalClientApplication";
    private static final List<String> FIELDS = List.of("Id", "DeveloperName", "MasterLabel", "NamespacePrefix",
            "Language", "CreatedDate", "LastModifiedDate", "SystemModstamp");

    private final OrgState org;
    private final int pageSize;
    private final SoqlParser parser = new SoqlParser(OBJECT, FIELDS);
    private final Map<String, List<ObjectNode>> cursors = new ConcurrentHashMap<>();
    private final DirectoryQueries directory;
    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+([A-Za-z][A-Za-z0-9_]*)");

    /** Answers ExternalClientApplication queries only. */
    public QueryResource(OrgState org, int pageSize) {
        this(org, pageSize, null);
    }

    /** Answers ExternalClientApplication queries, and those on the org's users, permission sets and profiles. */
    public QueryResource(OrgState org, int pageSize, DirectoryQueries directory) {
        this.org = org;
        this.pageSize = pageSize;
        this.directory = directory;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/services/data/(v\\d+\\.\\d)/query/?", this::query),
                Route.get("/services/data/(v\\d+\\.\\d)/query/([A-Za-z0-9]+)-(\\d+)", this::nextPage),
                Route.get("/services/data/(v\\d+\\.\\d)/sobjects/" + OBJECT + "/([A-Za-z0-9]{15,18})", this::record));
    }

    private ApiResponse query(ApiRequest request, Matcher path) {
        Optional<String> q = request.queryParam("q");
        if (q.isEmpty() || q.get().isBlank()) {
            return ApiResponse.restError(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        SoqlQuery query;
        Matcher from = FROM.matcher(q.get());
        Optional<SoqlParser> people = directory == null || !from.find() ? Optional.empty()
                : DirectoryQueries.parserFor(from.group(1));
        try {
            query = people.isPresent() ? people.get().parse(q.get()) : parser.parse(q.get());
        } catch (SoqlParser.SoqlException e) {
            return ApiResponse.restError(400, e.errorCode(), e.getMessage());
        }
        String version = path.group(1);
        if (request.queryParam("columns").map("true"::equals).orElse(false)) {
            // What the Salesforce CLI's "sf data query" asks first: the query's columns (not in the REST guide).
            ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            body.put("entityName", query.object()).putNull("groupBy").put("idSelected", query.fields().contains("Id"))
                    .putNull("keyPrefix");
            var columns = body.putArray("columnMetadata");
            for (String field : query.fields()) {
                columns.addObject().put("aggregate", false).put("apexType", field.equals("Id") ? "Id" : "String")
                        .put("booleanType", false).put("columnName", field).put("custom", false)
                        .put("displayName", field).putNull("foreignKeyName").put("insertable", false)
                        .put("numberType", false).put("textType", !field.equals("Id")).put("updatable", false)
                        .putArray("joinColumns");
            }
            return ApiResponse.json(200, body);
        }
        List<ObjectNode> records = people.isPresent() ? directory.run(query, version) : run(query, version);
        String cursor = "01g" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
        if (records.size() > pageSize) {
            cursors.put(cursor, records);
        }
        return page(records, cursor, 0, version);
    }

    private ApiResponse nextPage(ApiRequest request, Matcher path) {
        List<ObjectNode> records = cursors.get(path.group(2));
        int offset = Integer.parseInt(path.group(3));
        if (records == null || offset > records.size()) {
            return ApiResponse.restError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return page(records, path.group(2), offset, path.group(1));
    }

    private ApiResponse record(ApiRequest request, Matcher path) {
        return org.appById(path.group(2))
                .map(app -> ApiResponse.json(200, toRecord(app, FIELDS, path.group(1))))
                .orElseGet(ApiResponse::notFound);
    }

    private ApiResponse page(List<ObjectNode> records, String cursor, int offset, String version) {
        int end = Math.min(records.size(), offset + pageSize);
        ObjectNode body = Json.object().put("totalSize", records.size()).put("done", end == records.size());
        if (end < records.size()) {
            body.put("nextRecordsUrl", "/services/data/" + version + "/query/" + cursor + "-" + end);
        }
        ArrayNode page = body.putArray("records");
        records.subList(offset, end).forEach(page::add);
        return ApiResponse.json(200, body);
    }

    private List<ObjectNode> run(SoqlQuery query, String version) {
        List<Component> apps = new ArrayList<>(org.components(MetadataType.EXTERNAL_CLIENT_APPLICATION));
        apps.removeIf(app -> !query.conditions().stream().allMatch(c -> matches(app, c)));
        if (query.orderBy() != null) {
            Comparator<Component> order = Comparator.comparing(app -> value(app, query.orderBy()),
                    Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
            apps.sort(query.descending() ? order.reversed() : order);
        }
        if (query.limit() != null && apps.size() > query.limit()) {
            apps = apps.subList(0, query.limit());
        }
        List<ObjectNode> records = new ArrayList<>();
        for (Component app : apps) {
            records.add(toRecord(app, query.fields(), version));
        }
        return records;
    }

    private static ObjectNode toRecord(Component app, List<String> fields, String version) {
        ObjectNode record = Json.object();
        record.putObject("attributes").put("type", OBJECT)
                .put("url", "/services/data/" + version + "/sobjects/" + OBJECT + "/" + app.id());
        fields.forEach(field -> record.put(field, value(app, field)));
        return record;
    }

    private static boolean matches(Component app, SoqlQuery.Condition condition) {
        String actual = value(app, condition.field());
        String lower = actual == null ? null : actual.toLowerCase(Locale.ROOT);
        return switch (condition.operator()) {
            case "=" -> condition.values().get(0).equalsIgnoreCase(actual == null ? "" : actual);
            case "!=" -> !condition.values().get(0).equalsIgnoreCase(actual == null ? "" : actual);
            case "IN" -> condition.values().stream().anyMatch(v -> v.equalsIgnoreCase(actual == null ? "" : actual));
            case "LIKE" -> lower != null && Pattern.compile(likeToRegex(condition.values().get(0)),
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(lower).matches();
            default -> false;
        };
    }

    private static String likeToRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    private static String value(Component app, String field) {
        return switch (field) {
            case "Id" -> app.id();
            case "DeveloperName" -> app.fullName();
            case "MasterLabel" -> app.field("label").orElse(app.fullName());
            case "Language" -> "en_US";
            case "CreatedDate" -> Json.date(app.createdDate());
            case "LastModifiedDate", "SystemModstamp" -> Json.date(app.lastModifiedDate());
            default -> null;
        };
    }
}
