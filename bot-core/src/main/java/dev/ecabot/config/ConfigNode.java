package dev.ecabot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A node of the parsed configuration with its key path, so every check can say where the problem is. */
final class ConfigNode {

    private final Path file;
    private final String path;
    private final JsonNode node;

    ConfigNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    ConfigException problem(String what) {
        return new ConfigException(file, path, what);
    }

    ConfigNode child(String key) {
        return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, node.get(key));
    }

    void requireObject() {
        if (!node.isObject()) throw problem("must be a mapping of keys to values");
    }

    /** Rejects keys outside {@code allowed}, naming the key meant for a near miss, as the schema check does. */
    void rejectUnknownKeys(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) throw child(key).problem(ConfigSchema.unknownKeyMessage(key, List.copyOf(allowed)));
        }
    }

    List<ConfigNode> elements() {
        if (isMissing()) return List.of();
        if (!node.isArray()) throw problem("must be a list (each entry starting with '- ')");
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) out.add(new ConfigNode(file, path + "[" + i + "]", node.get(i)));
        return out;
    }

    String requiredText(String key, String hint) {
        ConfigNode c = child(key);
        if (c.isMissing()) throw c.problem("is required; " + hint);
        return c.text(hint);
    }

    String optionalText(String key, String hint) {
        ConfigNode c = child(key);
        return c.isMissing() ? null : c.text(hint);
    }

    private String text(String hint) {
        if (!node.isValueNode()) throw problem("must be a single value; " + hint);
        String s = node.asText().trim();
        if (s.isEmpty()) throw problem("must not be empty; " + hint);
        return s;
    }

    boolean optionalBoolean(String key, boolean fallback) {
        ConfigNode c = child(key);
        if (c.isMissing()) return fallback;
        if (!c.node.isBoolean()) throw c.problem("must be true or false");
        return c.node.booleanValue();
    }
}
