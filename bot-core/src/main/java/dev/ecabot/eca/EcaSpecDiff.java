package dev.ecabot.eca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Lists the settings in which two {@link EcaSpec}s differ, by path (e.g. {@code policies.ipRelaxation}).
 * Differences Salesforce does not preserve are ignored: scope order and whitespace inside the certificate.
 */
public final class EcaSpecDiff {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EcaSpecDiff() {
    }

    public static List<SettingDifference> between(EcaSpec inOrg, EcaSpec requested) {
        List<SettingDifference> out = new ArrayList<>();
        compare("", normalise(MAPPER.valueToTree(inOrg)), normalise(MAPPER.valueToTree(requested)), out);
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<SettingDifference> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) compare(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            return;
        }
        JsonNode left = a == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : a;
        JsonNode right = b == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : b;
        if (!left.equals(right)) out.add(new SettingDifference(path, show(left), show(right)));
    }

    private static JsonNode normalise(JsonNode spec) {
        ObjectNode oauth = (ObjectNode) spec.get("oauth");
        if (oauth != null && oauth.get("scopes") instanceof ArrayNode scopes) {
            TreeSet<String> sorted = new TreeSet<>();
            scopes.forEach(s -> sorted.add(s.asText()));
            ArrayNode replacement = MAPPER.createArrayNode();
            sorted.forEach(replacement::add);
            oauth.set("scopes", replacement);
        }
        ObjectNode global = (ObjectNode) spec.get("globalOauth");
        if (global != null && global.hasNonNull("certificate")) {
            global.set("certificate", TextNode.valueOf(global.get("certificate").asText()
                    .replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "")));
        }
        return spec;
    }

    private static String show(JsonNode v) {
        if (v.isNull()) return "(not set)";
        if (v.isTextual()) return v.asText().length() > 60 ? v.asText().substring(0, 57) + "..." : v.asText();
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) items.add(show(it.next()));
            return "[" + String.join(", ", items) + "]";
        }
        return v.toString();
    }
}
