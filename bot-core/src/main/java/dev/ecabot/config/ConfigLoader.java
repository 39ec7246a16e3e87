package dev.ecabot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code ecabot.yaml} ({@code ECABOT_CONFIG}, default {@code ./ecabot.yaml}) into an {@link EcabotConfig}.
 * A missing default file is the zero configuration; a file named by {@code ECABOT_CONFIG} must exist.
 * The file is first checked against its JSON Schema ({@code ecabot.schema.json}, see {@link ConfigSchema}): an unknown
 * key anywhere (a typo such as {@code rolse:} or {@code approval:}) is an error naming its key path and, for a near
 * miss, the key meant; never ignored, since ignoring {@code roles} would silently fall back to the zero-config roles.
 * Then each section is read by the part of the bot that owns it, whose checks explain a wrong value; this loader owns
 * {@code orgs} and {@code demoOrg}, the others are kept as parsed YAML and bound here, so a mistake stops the bot at
 * start with the file and key named. Read once per run, into {@code dev.ecabot.settings.Settings}.
 */
public final class ConfigLoader {

    public static final String ENV_VARIABLE = "ECABOT_CONFIG";
    public static final Path DEFAULT_FILE = Path.of("ecabot.yaml");

    private static final Set<String> OWN_SECTIONS = Set.of("orgs", "demoOrg");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    /** The configuration named by the environment ({@code ECABOT_CONFIG}), or ./ecabot.yaml if present, or none. */
    public static EcabotConfig fromEnvironment(Map<String, String> env) {
        String named = env.get(ENV_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path file = Path.of(named);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file, "", "the file named by " + ENV_VARIABLE
                        + " does not exist; create it, or unset " + ENV_VARIABLE + " to run without configuration");
            }
            return load(file);
        }
        return Files.isRegularFile(DEFAULT_FILE) ? load(DEFAULT_FILE) : EcabotConfig.empty();
    }

    /** Reads and validates {@code file}. */
    public static EcabotConfig load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(file, "", "is not valid YAML (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new EcabotConfig(file, java.util.List.of(), true, Map.of());
        }
        ConfigNode top = new ConfigNode(file, "", root);
        top.requireObject();
        ConfigSchema schema = ConfigSchema.shipped();
        schema.unknownKey(root).ifPresent(p -> {
            throw new ConfigException(file, p.keyPath(), p.message());
        });
        Map<String, JsonNode> others = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!OWN_SECTIONS.contains(e.getKey())) others.put(e.getKey(), e.getValue());
        }
        boolean demo = top.optionalBoolean("demoOrg", true);
        var orgs = new OrgsSection(top.child("orgs"), file.toAbsolutePath().getParent()).read();
        EcabotConfig config = new EcabotConfig(file, orgs, demo, new HashMap<>(others));
        // Bind the sections other packages own now, so a mistake stops the bot at start with the file and key named.
        config.roles(null);
        config.approvals();
        config.reminderPlans();
        config.inventory();
        // A wrong shape the sections' own checks let through (their messages come first: they say how to fix it).
        schema.otherProblem(root).ifPresent(p -> {
            throw new ConfigException(file, p.keyPath(), p.message());
        });
        return config;
    }
}
