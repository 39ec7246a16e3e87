package dev.ecabot.posture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The posture rule set: the shipped {@code playbooks/posture/rules.yaml}, plus an admin's
 * {@code posture/rules.yaml} under {@code ECABOT_PLAYBOOKS_DIR} whose rules add to the shipped ones or replace the
 * one with the same id ({@code enabled: false} switches a rule off). Every file is checked against
 * {@code rules.schema.json} with networknt's validator; a broken file is refused with one line per problem.
 * Immutable, thread-safe.
 */
public final class PostureRules {

    static final String RULES_RESOURCE = "playbooks/posture/rules.yaml";
    static final String SCHEMA_RESOURCE = "playbooks/posture/rules.schema.json";
    /** Where an admin's rules live, relative to the playbook directory. */
    public static final Path ADMIN_FILE = Path.of("posture", "rules.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile PostureRules shipped;

    private final List<PostureRule> rules;

    private PostureRules(List<PostureRule> rules) {
        this.rules = rules.stream().filter(PostureRule::enabled).toList();
    }

    /** The shipped rules (read once). */
    public static PostureRules shipped() {
        PostureRules s = shipped;
        if (s == null) {
            s = new PostureRules(parse(resource(RULES_RESOURCE), "classpath:" + RULES_RESOURCE));
            shipped = s;
        }
        return s;
    }

    /** The shipped rules with those of {@code playbookDir}/posture/rules.yaml, when that file exists. */
    public static PostureRules load(Optional<Path> playbookDir) {
        PostureRules base = shipped();
        if (playbookDir.isEmpty()) return base;
        Path file = playbookDir.get().resolve(ADMIN_FILE);
        if (!Files.isRegularFile(file)) return base;
        try {
            return base.with(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new PostureRulesException(file + ": cannot be read: " + e.getMessage(), List.of());
        }
    }

    /** Rules from a YAML text (for tests and tools); {@code origin} names it in problems. */
    public static PostureRules fromYaml(String yaml, String origin) {
        return new PostureRules(parse(yaml, origin));
    }

    /** These rules with {@code more} added, a rule of the same id replaced (or removed when {@code more}'s is off). */
    public PostureRules with(List<PostureRule> more) {
        Map<String, PostureRule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        more.forEach(r -> byId.put(r.id(), r));
        return new PostureRules(new ArrayList<>(byId.values()));
    }

    public List<PostureRule> rules() {
        return rules;
    }

    /** The findings for an app with {@code facts}, most serious first. */
    public List<PostureFinding> grade(PostureFacts facts) {
        return rules.stream().map(r -> r.grade(facts)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(PostureFinding::severity)).toList();
    }

    /**
     * Grades like {@link #grade}, once per distinct combination of the facts the rules read (apps made from the
     * same playbook mostly share it): for grading a whole inventory, where grading every app again was the export's
     * largest cost. Findings depend on nothing but those facts (conditions and ${fact} texts), so a remembered
     * answer is the answer. Holds at most {@code maxRemembered} combinations (least recently used go); not
     * thread-safe: one per export.
     */
    public java.util.function.Function<PostureFacts, List<PostureFinding>> remembering(int maxRemembered) {
        List<String> read = rules.stream().flatMap(r -> r.facts().stream()).distinct().sorted().toList();
        Map<List<Object>, List<PostureFinding>> seen = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, List<PostureFinding>> eldest) {
                return size() > maxRemembered;
            }
        };
        return facts -> {
            List<Object> key = new ArrayList<>(read.size());
            for (String name : read) key.add(facts.get(name));
            return seen.computeIfAbsent(key, k -> grade(facts));
        };
    }

    private static List<PostureRule> parse(String yaml, String origin) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PostureRulesException(origin + ": not valid YAML: " + e.getOriginalMessage(), List.of());
        }
        if (doc == null || doc.isMissingNode()) {
            throw new PostureRulesException(origin + ": empty; it needs a \"rules:\" list", List.of());
        }
        List<String> problems = new ArrayList<>(Schema.INSTANCE.check(doc));
        List<PostureRule> out = new ArrayList<>();
        if (problems.isEmpty()) {
            int i = 0;
            for (JsonNode r : doc.get("rules")) {
                List<PostureCondition> when = new ArrayList<>();
                int j = 0;
                for (JsonNode c : r.get("when")) {
                    when.add(condition(c, "$.rules[" + i + "].when[" + j++ + "]", problems));
                }
                out.add(new PostureRule(r.get("id").asText(), Severity.fromWord(r.get("severity").asText()),
                        r.get("setting").asText(), when, r.get("finding").asText(), r.get("why").asText(),
                        r.get("source").asText(), r.get("fix").asText(), origin, r.path("enabled").asBoolean(true)));
                i++;
            }
        }
        if (!problems.isEmpty()) {
            throw new PostureRulesException(origin + " is not a valid posture rule file (fix these and restart):\n  "
                    + String.join("\n  ", problems), problems);
        }
        return out;
    }

    private static PostureCondition condition(JsonNode c, String where, List<String> problems) {
        String fact = c.get("fact").asText();
        Iterator<String> names = c.fieldNames();
        String operator = null;
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("fact")) operator = n;
        }
        JsonNode operand = c.get(operator);
        Pattern pattern = null;
        if ("matches".equals(operator)) {
            try {
                pattern = Pattern.compile(operand.asText());
            } catch (PatternSyntaxException e) {
                problems.add(where + ".matches: not a valid regular expression: " + e.getDescription());
            }
        }
        return new PostureCondition(fact, operator, operand, pattern);
    }

    private static String resource(String name) {
        try (InputStream in = PostureRules.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name + " on the classpath (playbooks module)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules file schema, compiled once. */
    private enum Schema {
        INSTANCE;

        private final JsonSchema schema;

        Schema() {
            try {
                JsonNode node = new ObjectMapper().readTree(resource(SCHEMA_RESOURCE));
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped posture rule schema is not valid JSON", e);
            }
        }

        List<String> check(JsonNode doc) {
            return schema.validate(doc).stream()
                    .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                            .thenComparing(ValidationMessage::getMessage))
                    .map(ValidationMessage::getMessage).distinct().toList();
        }
    }
}
