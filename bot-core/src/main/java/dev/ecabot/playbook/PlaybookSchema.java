package dev.ecabot.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON Schema every playbook file obeys ({@code playbooks/playbook.schema.json}, shipped with the playbooks),
 * applied with networknt's validator. Problems come back as {@code $.json.path: what is wrong}. Thread-safe.
 */
final class PlaybookSchema {

    private final JsonSchema playbook;
    private final JsonSchema common;

    private PlaybookSchema(JsonSchema playbook, JsonSchema common) {
        this.playbook = playbook;
        this.common = common;
    }

    static PlaybookSchema shipped() {
        try {
            JsonNode schema = new ObjectMapper().readTree(PlaybookSources.schemaText());
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_PATH).errorMessageKeyword("errorMessage").build();
            // The shared _common.yaml obeys the schema's "common" definition rather than the playbook root.
            ObjectNode commonRoot = new ObjectMapper().createObjectNode();
            commonRoot.set("$schema", schema.get("$schema"));
            commonRoot.set("$defs", schema.get("$defs"));
            commonRoot.put("$ref", "#/$defs/common");
            return new PlaybookSchema(factory.getSchema(schema, config), factory.getSchema(commonRoot, config));
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped playbook schema is not valid JSON", e);
        }
    }

    /** Problems of a playbook document, one line each ({@code $.path: message}); empty when it conforms. */
    List<String> checkPlaybook(JsonNode document) {
        return lines(playbook.validate(document));
    }

    /** Problems of the shared common questions document. */
    List<String> checkCommon(JsonNode document) {
        return lines(common.validate(document));
    }

    /**
     * One line per message, sorted by location. Where a "one of these forms" rule failed, the per-form complaints
     * at the same location ("string found, boolean expected") are dropped: the rule's own message explains it.
     */
    private static List<String> lines(Set<ValidationMessage> messages) {
        Set<String> oneOfLocations = messages.stream().filter(m -> "oneOf".equals(m.getType()))
                .map(m -> m.getInstanceLocation().toString()).collect(Collectors.toSet());
        return messages.stream()
                .filter(m -> "oneOf".equals(m.getType()) || !oneOfLocations.contains(m.getInstanceLocation().toString()))
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(PlaybookSchema::line)
                .distinct()
                .toList();
    }

    private static String line(ValidationMessage m) {
        String location = m.getInstanceLocation().toString();
        String message = m.getMessage();
        if (message.startsWith(location + ": ")) message = message.substring(location.length() + 2);
        return location + ": " + message;
    }
}
