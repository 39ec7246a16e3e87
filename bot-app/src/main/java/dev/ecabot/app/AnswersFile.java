package dev.ecabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a playbook answers file: a YAML mapping of question id to answer; a list answer may be a YAML list.
 * Answers come out as the texts a person would type (list items one per line).
 */
final class AnswersFile {

    private AnswersFile() {
    }

    static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new dev.ecabot.settings.error.InvalidSettingException("The answers file " + file + " cannot be read as YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || root.isNull() || root.isMissingNode()) return Map.of();
        if (!root.isObject()) {
            throw new dev.ecabot.settings.error.InvalidSettingException("The answers file " + file + " must map question ids to answers, e.g. app_name: Vonage Voice");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                answers.put(e.getKey(), String.join("\n", items));
            } else if (v.isValueNode()) {
                answers.put(e.getKey(), v.asText());
            } else {
                throw new dev.ecabot.settings.error.InvalidSettingException("The answer to " + e.getKey() + " in " + file + " must be a value or a list");
            }
        }
        return answers;
    }
}
