package dev.ecabot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The JSON Schema ecabot.yaml obeys ({@code dev/ecabot/config/ecabot.schema.json} on the classpath), applied with the
 * same validator as the playbooks (networknt). Its first job is unknown keys: every mapping lists its keys, so a typo
 * is refused with its key path and, for a near miss, the key meant ("approval: unknown key; did you mean
 * approvals?"). Thread-safe.
 */
final class ConfigSchema {

    static final String RESOURCE = "/dev/ecabot/config/ecabot.schema.json";
    private static final ConfigSchema SHIPPED = load();

    private final JsonSchema schema;
    private final JsonNode schemaTree;

    private ConfigSchema(JsonSchema schema, JsonNode schemaTree) {
        this.schema = schema;
        this.schemaTree = schemaTree;
    }

    static ConfigSchema shipped() {
        return SHIPPED;
    }

    private static ConfigSchema load() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            JsonNode tree = new ObjectMapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
            return new ConfigSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree, config), tree);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped ecabot.yaml schema is not valid JSON", e);
        }
    }

    /** A problem found by the schema: where (a key path such as {@code orgs[0].auth}) and what. */
    record Problem(String keyPath, String message) { }

    /** The first unknown key of {@code document} in key-path order, with the fix, if any. */
    Optional<Problem> unknownKey(JsonNode document) {
        return problems(document, true).stream().findFirst();
    }

    /** The first problem of any other kind (wrong shape or type), for what the sections' own checks let through. */
    Optional<Problem> otherProblem(JsonNode document) {
        return problems(document, false).stream().findFirst();
    }

    private List<Problem> problems(JsonNode document, boolean unknownKeys) {
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(document)) {
            boolean unknown = "additionalProperties".equals(m.getType());
            if (unknown != unknownKeys) continue;
            String parent = keyPath(m.getInstanceLocation().toString());
            if (unknown) {
                String key = m.getProperty();
                String path = parent.isEmpty() ? key : parent + "." + key;
                out.add(new Problem(path, unknownKeyMessage(key, allowedKeys(m.getSchemaLocation().toString()))));
            } else {
                String message = m.getMessage();
                String location = m.getInstanceLocation().toString();
                if (message.startsWith(location + ": ")) message = message.substring(location.length() + 2);
                out.add(new Problem(parent, message));
            }
        }
        out.sort(Comparator.comparing(Problem::keyPath));
        return out;
    }

    /** "$.orgs[0].auth" to "orgs[0].auth", the form ConfigException and the sections' checks use. */
    private static String keyPath(String jsonPath) {
        String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return p.startsWith(".") ? p.substring(1) : p;
    }

    /** The keys the schema lists beside the rule at {@code schemaLocation} (".../#/$defs/org/additionalProperties"). */
    private List<String> allowedKeys(String schemaLocation) {
        int hash = schemaLocation.indexOf('#');
        String pointer = hash < 0 ? "" : schemaLocation.substring(hash + 1);
        if (pointer.endsWith("/additionalProperties")) {
            pointer = pointer.substring(0, pointer.length() - "/additionalProperties".length());
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = schemaTree.at(pointer).path("properties").fieldNames(); it.hasNext(); ) keys.add(it.next());
        return keys;
    }

    /** "unknown key; did you mean approvals? The keys allowed here are ...", or without the guess when none is near. */
    static String unknownKeyMessage(String key, List<String> allowed) {
        String list = allowed.isEmpty() ? "" : "the keys allowed here are " + String.join(", ", new TreeSet<>(allowed));
        Optional<String> meant = NearMiss.closest(key, allowed);
        if (meant.isPresent()) {
            return "unknown key; did you mean " + meant.get() + "?" + (list.isEmpty() ? "" : " " + capitalised(list));
        }
        return "unknown key" + (list.isEmpty() ? "" : "; " + list);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
