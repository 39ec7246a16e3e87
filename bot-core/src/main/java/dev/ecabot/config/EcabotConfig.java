package dev.ecabot.config;

import dev.ecabot.salesforce.OrgConfig;
import dev.ecabot.salesforce.OrgsSettings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.settings.error.InvalidSettingException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's settings from {@code ecabot.yaml}: the configured orgs, whether the built-in demo org may exist,
 * who holds which role ({@link #roles}), the approval policy ({@link #approvals}), how far ahead reminders come
 * ({@link #reminderPlans}), and the raw other top-level sections (slack, teams...) that other parts of the bot read
 * through {@link #section(String)}. Immutable. {@link #empty()} is the zero configuration.
 */
public record EcabotConfig(Path source, List<OrgConfig> orgs, boolean demoOrgEnabled, Map<String, JsonNode> otherSections)
        implements OrgsSettings {

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

    /**
     * The {@code roles} section (who requests, approves, administers), or {@code whenAbsent} when the file has none
     * (the zero-config terminal passes "the local user is admin"; other platforms: nobody, deny on doubt).
     */
    public RolesConfig roles(RolesConfig whenAbsent) {
        return section("roles").map(n -> bind("roles", () -> RolesConfig.fromJson(n))).orElse(whenAbsent);
    }

    /** The {@code approvals} section; without one, {@link ApprovalPolicyConfig#zeroConfig()} (demo none, others one). */
    public ApprovalPolicyConfig approvals() {
        return section("approvals").map(n -> bind("approvals", () -> ApprovalPolicyConfig.fromJson(n)))
                .orElse(ApprovalPolicyConfig.zeroConfig());
    }

    /** The {@code reminders} section (how long ahead to remind); without one, {@link ReminderPlans#defaults()}. */
    public ReminderPlans reminderPlans() {
        return section("reminders").map(n -> bind("reminders", () -> ReminderPlans.fromJson(n)))
                .orElse(ReminderPlans.defaults());
    }

    /** The {@code inventory} section (posture blocks, unused apps, digest, JSON endpoint); without one, the defaults. */
    public dev.ecabot.inventory.InventorySettings inventory() {
        return section("inventory").map(n -> bind("inventory", () -> dev.ecabot.inventory.InventorySettings.fromJson(n)))
                .orElse(dev.ecabot.inventory.InventorySettings.defaults());
    }

    /** Turns a section's validation error into one naming this file. */
    private <T> T bind(String key, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidSettingException e) {
            throw new ConfigException(source == null ? Path.of("ecabot.yaml") : source, key, e.getMessage());
        }
    }

    /** A top-level section this package does not interpret (e.g. "slack"), as parsed YAML. */
    public Optional<JsonNode> section(String name) {
        return Optional.ofNullable(otherSections.get(name));
    }
}
