package dev.ecabot.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.duration.Durations;
import dev.ecabot.settings.error.InvalidSettingException;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code inventory} section of ecabot.yaml: which posture findings block provisioning per org (until an approver
 * accepts them), after how many days without use an app counts as unused (default 90), how long before a user's
 * refresh token expires they are reminded (default 7 days), the weekly digest (schedule, time zone, channel, per-org
 * channels, and each owner's own lines by direct message unless {@code owners: false}) and the read-only {@code /api/inventory} endpoint (off by default; its bearer token
 * is read from the environment variable {@code api.tokenEnv}, default ECABOT_API_TOKEN). Immutable.
 */
public record InventorySettings(Map<String, Set<String>> postureBlocks, int unusedAfterDays, Duration tokenReminderLead,
                                Digest digest, Api api) {

    public static final int DEFAULT_UNUSED_AFTER_DAYS = 90;
    public static final Duration DEFAULT_TOKEN_REMINDER_LEAD = Duration.ofDays(7);
    /** Mondays at 09:00 (Quartz cron). */
    public static final String DEFAULT_DIGEST_SCHEDULE = "0 0 9 ? * MON";
    public static final String DEFAULT_TOKEN_ENV = "ECABOT_API_TOKEN";
    /** The org key that applies to every org. */
    public static final String EVERY_ORG = "*";

    /**
     * The weekly digest: a Quartz cron schedule, its time zone, the global channel, per-org channels, and whether each
     * owner also gets their own apps' lines in a direct message ({@code owners}, on unless set to false).
     */
    public record Digest(String schedule, ZoneId zone, ChatUserRef channel, Map<String, ChatUserRef> orgChannels,
                         boolean owners) {
        public Digest {
            orgChannels = Map.copyOf(orgChannels);
        }

        /** A digest with owners' messages on (the default). */
        public Digest(String schedule, ZoneId zone, ChatUserRef channel, Map<String, ChatUserRef> orgChannels) {
            this(schedule, zone, channel, orgChannels, true);
        }

        /** True when the digest goes somewhere: a channel, or the owners. */
        public boolean enabled() {
            return channel != null || !orgChannels.isEmpty() || owners;
        }

        /** The channel for {@code org}'s digest: its own, else the global one. */
        public Optional<ChatUserRef> channelFor(String org) {
            ChatUserRef own = orgChannels.get(org.toLowerCase(Locale.ROOT));
            return Optional.ofNullable(own != null ? own : channel);
        }
    }

    /** The JSON endpoint: on or off, and the environment variable that holds its bearer token. */
    public record Api(boolean enabled, String tokenEnv) { }

    public InventorySettings {
        Map<String, Set<String>> blocks = new HashMap<>();
        postureBlocks.forEach((org, ids) -> blocks.put(org.toLowerCase(Locale.ROOT), Set.copyOf(ids)));
        postureBlocks = Map.copyOf(blocks);
        if (unusedAfterDays < 1) throw new InvalidSettingException("inventory.unusedAfterDays must be at least 1; got " + unusedAfterDays);
    }

    public static InventorySettings defaults() {
        return new InventorySettings(Map.of(), DEFAULT_UNUSED_AFTER_DAYS, DEFAULT_TOKEN_REMINDER_LEAD,
                new Digest(DEFAULT_DIGEST_SCHEDULE, ZoneId.of("UTC"), null, Map.of()), new Api(false, DEFAULT_TOKEN_ENV));
    }

    /** The posture rule ids that block provisioning in {@code org} (its own list plus the "*" list). */
    public Set<String> blockedIn(String org) {
        Set<String> out = new LinkedHashSet<>(postureBlocks.getOrDefault(EVERY_ORG, Set.of()));
        out.addAll(postureBlocks.getOrDefault(org.toLowerCase(Locale.ROOT), Set.of()));
        return out;
    }

    /** Reads the section; every mistake is an IllegalArgumentException naming the key and the fix. */
    public static InventorySettings fromJson(JsonNode node) {
        InventorySettings d = defaults();
        if (node == null || node.isNull() || node.isMissingNode()) return d;
        keys(node, "inventory", List.of("posture", "unusedAfterDays", "tokenReminderLead", "digest", "api"));
        Map<String, Set<String>> blocks = new HashMap<>();
        JsonNode posture = node.path("posture");
        if (!posture.isMissingNode()) {
            keys(posture, "inventory.posture", List.of("block"));
            JsonNode block = posture.path("block");
            if (!block.isMissingNode()) {
                if (!block.isObject()) throw new InvalidSettingException("inventory.posture.block maps an org (or \"*\") to a list of rule ids");
                block.fields().forEachRemaining(e -> {
                    if (!e.getValue().isArray()) {
                        throw new InvalidSettingException("inventory.posture.block." + e.getKey() + " must be a list of rule ids, e.g. [ip-bypass]");
                    }
                    Set<String> ids = new LinkedHashSet<>();
                    e.getValue().forEach(v -> ids.add(v.asText()));
                    blocks.put(e.getKey(), ids);
                });
            }
        }
        int unused = node.has("unusedAfterDays") ? intOf(node.get("unusedAfterDays"), "inventory.unusedAfterDays") : d.unusedAfterDays();
        Duration lead = node.hasNonNull("tokenReminderLead")
                ? Durations.parse(node.get("tokenReminderLead").asText(), "inventory.tokenReminderLead") : d.tokenReminderLead();
        return new InventorySettings(blocks, unused, lead, digest(node.path("digest"), d.digest()), api(node.path("api"), d.api()));
    }

    private static Digest digest(JsonNode n, Digest d) {
        if (n.isMissingNode()) return d;
        keys(n, "inventory.digest", List.of("schedule", "zone", "channel", "orgs", "owners"));
        JsonNode ownersNode = n.path("owners");
        if (!ownersNode.isMissingNode() && !ownersNode.isBoolean()) {
            throw new InvalidSettingException("inventory.digest.owners is true (each owner gets their apps' lines in a "
                    + "direct message, the default) or false; got " + ownersNode);
        }
        boolean owners = ownersNode.isMissingNode() ? d.owners() : ownersNode.asBoolean();
        String schedule = n.hasNonNull("schedule") ? n.get("schedule").asText() : d.schedule();
        if (!org.quartz.CronExpression.isValidExpression(schedule)) {
            throw new InvalidSettingException("inventory.digest.schedule is not a Quartz cron expression: '" + schedule
                    + "'; e.g. \"0 0 9 ? * MON\" (Mondays at 09:00)");
        }
        ZoneId zone;
        try {
            zone = n.hasNonNull("zone") ? ZoneId.of(n.get("zone").asText()) : d.zone();
        } catch (RuntimeException e) {
            throw new InvalidSettingException("inventory.digest.zone is not a time zone: '" + n.get("zone").asText()
                    + "'; e.g. Europe/Paris or UTC");
        }
        ChatUserRef channel = n.hasNonNull("channel") ? channel(n.get("channel"), "inventory.digest.channel") : null;
        Map<String, ChatUserRef> orgs = new HashMap<>();
        JsonNode orgNode = n.path("orgs");
        if (!orgNode.isMissingNode()) {
            orgNode.fields().forEachRemaining(e -> {
                keys(e.getValue(), "inventory.digest.orgs." + e.getKey(), List.of("channel"));
                orgs.put(e.getKey().toLowerCase(Locale.ROOT), channel(e.getValue().path("channel"),
                        "inventory.digest.orgs." + e.getKey() + ".channel"));
            });
        }
        return new Digest(schedule, zone, channel, orgs, owners);
    }

    private static ChatUserRef channel(JsonNode n, String where) {
        try {
            return ChatUserRef.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(where + " is written platform:channelId, e.g. slack:C0123ABCD or "
                    + "teams:19:abc@thread.tacv2; got '" + n.asText() + "'");
        }
    }

    private static Api api(JsonNode n, Api d) {
        if (n.isMissingNode()) return d;
        keys(n, "inventory.api", List.of("enabled", "tokenEnv"));
        return new Api(n.path("enabled").asBoolean(false), n.hasNonNull("tokenEnv") ? n.get("tokenEnv").asText() : d.tokenEnv());
    }

    private static int intOf(JsonNode n, String where) {
        if (!n.canConvertToInt() || !n.isIntegralNumber()) throw new InvalidSettingException(where + " must be a whole number of days; got " + n);
        return n.asInt();
    }

    private static void keys(JsonNode n, String where, List<String> allowed) {
        if (!n.isObject()) throw new InvalidSettingException(where + " must be a map with " + String.join(", ", allowed));
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidSettingException(where + "." + k + " is not a setting; use " + String.join(", ", allowed));
            }
        }
    }
}
