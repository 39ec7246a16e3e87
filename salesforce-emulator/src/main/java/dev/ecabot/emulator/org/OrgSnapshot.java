package dev.ecabot.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.metadata.XmlElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored apps of an org as JSON: every component with its fields, every consumer with its key, secret and
 * staged pair, and the id counter (so ids made after a restore never repeat). The JSON holds consumer secrets:
 * whoever keeps it must protect it (the bot seals it with its master key). Stateless.
 */
final class OrgSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrgSnapshot() {
    }

    static String write(List<Component> components, List<Consumer> consumers, long nextId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("nextId", nextId);
        ArrayNode comps = root.putArray("components");
        for (Component c : components) {
            ObjectNode node = comps.addObject();
            node.put("type", c.type().name()).put("fullName", c.fullName()).put("id", c.id())
                    .put("appName", c.appName()).put("created", c.createdDate().toString())
                    .put("modified", c.lastModifiedDate().toString());
            writeElements(node.putArray("fields"), c.fields());
        }
        ArrayNode cons = root.putArray("consumers");
        for (Consumer c : consumers) {
            ObjectNode node = cons.addObject();
            node.put("id", c.id()).put("appName", c.appName()).put("name", c.name()).put("key", c.key())
                    .put("secret", c.secret());
            if (c.staged() != null) {
                Consumer.StagedCredential s = c.staged();
                node.putObject("staged").put("id", s.id()).put("key", s.key()).put("secret", s.secret())
                        .put("state", s.state()).put("expiresAt", s.expiresAt().toString());
            }
        }
        return root.toString();
    }

    /** What a snapshot holds, read back. */
    record Contents(List<Component> components, List<Consumer> consumers, long nextId) {
    }

    static Contents read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored org state is not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != 1) {
            throw new IllegalArgumentException("the stored org state is not a version 1 snapshot");
        }
        List<Component> components = new ArrayList<>();
        for (JsonNode node : root.path("components")) {
            components.add(new Component(MetadataType.valueOf(node.path("type").asText()), node.path("fullName").asText(),
                    node.path("id").asText(), node.path("appName").asText(), readElements(node.path("fields")),
                    Instant.parse(node.path("created").asText()), Instant.parse(node.path("modified").asText())));
        }
        List<Consumer> consumers = new ArrayList<>();
        for (JsonNode node : root.path("consumers")) {
            JsonNode s = node.path("staged");
            Consumer.StagedCredential staged = s.isObject() ? new Consumer.StagedCredential(s.path("id").asText(),
                    s.path("key").asText(), s.path("secret").asText(), s.path("state").asText(),
                    Instant.parse(s.path("expiresAt").asText())) : null;
            consumers.add(new Consumer(node.path("id").asText(), node.path("appName").asText(),
                    node.path("name").asText(), node.path("key").asText(), node.path("secret").asText(), staged));
        }
        return new Contents(components, consumers, root.path("nextId").asLong());
    }

    private static void writeElements(ArrayNode target, List<XmlElement> elements) {
        for (XmlElement e : elements) {
            ObjectNode node = target.addObject();
            node.put("ns", e.namespace()).put("name", e.name()).put("text", e.text());
            if (!e.children().isEmpty()) writeElements(node.putArray("children"), e.children());
        }
    }

    private static List<XmlElement> readElements(JsonNode array) {
        List<XmlElement> result = new ArrayList<>();
        for (JsonNode node : array) {
            result.add(new XmlElement(node.path("ns").asText(), node.path("name").asText(), node.path("text").asText(),
                    readElements(node.path("children")), 0, 0));
        }
        return result;
    }
}
