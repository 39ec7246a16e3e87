package dev.ecabot.playbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a playbook that a JSON Schema cannot express. Each problem is one line {@code $.json.path: what is
 * wrong and how to fix it}.
 */
final class PlaybookChecker {

    private PlaybookChecker() {
    }

    static List<String> check(PlaybookFile file, JsonNode node, Playbook playbook, PlaybookReader.Common common) {
        List<String> problems = new ArrayList<>();
        if (!playbook.id().equals(file.expectedId())) {
            problems.add("$.id: is '" + playbook.id() + "' but the file is " + file.name()
                    + "; the id must equal the file name without .yaml");
        }
        return problems;
    }
}
