package dev.ecabot.playbook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the shipped playbooks and those in an admin's directory (which override shipped ones of the same id),
 * checking each against the schema and then {@link PlaybookChecker}'s semantic rules. Any problem anywhere fails
 * the whole load with every problem listed. Thread-safe (stateless apart from the compiled schema).
 */
public final class PlaybookLoader {

    /** The environment variable naming the directory of extra or overriding playbooks. */
    public static final String DIR_VARIABLE = "ECABOT_PLAYBOOKS_DIR";

    private static final String COMMON_FILE = "_common.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(PlaybookLoader.class);

    private final PlaybookSchema schema = PlaybookSchema.shipped();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Loads the shipped playbooks plus those in the directory {@code environment} names as ECABOT_PLAYBOOKS_DIR. */
    public PlaybookCatalog loadFromEnvironment(Map<String, String> environment) {
        String dir = environment.get(DIR_VARIABLE);
        return load(dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir)));
    }

    /** Loads the shipped playbooks plus those in {@code overrideDir}, if given. */
    public PlaybookCatalog load(Optional<Path> overrideDir) {
        List<PlaybookFile> files = new ArrayList<>(PlaybookSources.shipped());
        if (overrideDir.isPresent()) {
            try {
                files.addAll(PlaybookSources.directory(overrideDir.get()));
            } catch (IOException e) {
                throw new PlaybookLoadException(List.of(overrideDir.get() + ": " + e.getMessage()));
            }
        }
        return load(files);
    }

    /** Loads the given files: one {@code _common.yaml} among them, the rest playbooks (later files override earlier). */
    PlaybookCatalog load(List<PlaybookFile> files) {
        List<String> problems = new ArrayList<>();
        PlaybookReader.Common common = PlaybookReader.Common.NONE;
        Map<String, Playbook> byId = new LinkedHashMap<>();
        for (PlaybookFile file : files) {
            if (!file.name().equals(COMMON_FILE)) continue;
            Optional<JsonNode> node = parse(file, problems);
            if (node.isEmpty()) continue;
            List<String> schemaProblems = schema.checkCommon(node.get());
            schemaProblems.forEach(p -> problems.add(file.origin() + ": " + p));
            if (!schemaProblems.isEmpty()) continue;
            PlaybookReader.Common read = PlaybookReader.readCommon(node.get());
            List<String> semantic = PlaybookChecker.checkCommon(node.get(), read);
            semantic.forEach(p -> problems.add(file.origin() + ": " + p));
            if (semantic.isEmpty()) common = read;
        }
        if (common.questions().isEmpty() && problems.isEmpty()) {
            problems.add("the shared " + COMMON_FILE + " with the common questions is missing");
        }
        for (PlaybookFile file : files) {
            if (file.isShared()) continue;
            Optional<JsonNode> node = parse(file, problems);
            if (node.isEmpty()) continue;
            List<String> schemaProblems = schema.checkPlaybook(node.get());
            schemaProblems.forEach(p -> problems.add(file.origin() + ": " + p));
            if (!schemaProblems.isEmpty()) continue;
            Playbook playbook = PlaybookReader.read(node.get(), common, file.origin());
            List<String> semantic = PlaybookChecker.check(file, node.get(), playbook, common);
            semantic.forEach(p -> problems.add(file.origin() + ": " + p));
            if (semantic.isEmpty()) {
                Playbook replaced = byId.put(playbook.id(), playbook);
                if (replaced != null) LOG.info("Playbook {} from {} replaces the one from {}", playbook.id(), file.origin(), replaced.origin());
            }
        }
        if (!problems.isEmpty()) throw new PlaybookLoadException(problems);
        return new PlaybookCatalog(List.copyOf(byId.values()));
    }

    private Optional<JsonNode> parse(PlaybookFile file, List<String> problems) {
        try {
            JsonNode node = yaml.readTree(file.content());
            if (node == null || !node.isObject()) {
                problems.add(file.origin() + ": $: the file must be a YAML mapping (id: ..., title: ..., ...)");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            problems.add(file.origin() + ": $: not valid YAML" + where + ": " + oneLine(e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    /** The parser's explanation without its indented source excerpts, on one line ("while parsing ...; expected ..."). */
    private static String oneLine(String message) {
        return String.join("; ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
    }
}
