package dev.ecabot.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's settings from {@code ecabot.yaml}: the configured orgs, whether the built-in demo org may exist,
 * and the raw other top-level sections (roles, approvals, slack, teams...) that other parts of the bot read
 * through {@link #section(String)}. Immutable. {@link #empty()} is the zero configuration.
 */
public record EcabotConfig(Path source, List<OrgConfig> orgs, boolean demoOrgEnabled, Map<String, JsonNode> otherSections) {

    public EcabotConfig {
        orgs = List.copyOf(orgs);
        otherSections = Map.copyOf(otherSections);
    }

    /** No file: no orgs, the demo org on. */
    public static EcabotConfig empty() {
        return new EcabotConfig(null, List.of(), true, Map.of());
    }

    /** The file these settings came from, if any. */
    public Optional<Path> sourceFile() {
        return Optional.ofNullable(source);
    }

    /** The org users know as {@code name} (case-insensitive). */
    public Optional<OrgConfig> org(String name) {
        return orgs.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A top-level section this package does not interpret (e.g. "slack"), as parsed YAML. */
    public Optional<JsonNode> section(String name) {
        return Optional.ofNullable(otherSections.get(name));
    }
}
