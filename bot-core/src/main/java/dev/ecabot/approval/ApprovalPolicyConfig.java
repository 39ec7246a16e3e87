package dev.ecabot.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.access.Grantee;
import dev.ecabot.duration.Durations;
import dev.ecabot.settings.error.InvalidSettingException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code approvals} section of ecabot.yaml: how many approvals each org and playbook needs, who may approve
 * for an org (default: every approver), and how long a request stays open. An org not listed needs
 * {@code default} approvals (1 unless set: in doubt, ask). A playbook can raise what its org needs, never lower
 * it. Immutable.
 * <pre>
 * approvals:
 *   default: 1
 *   expiry: 24h
 *   orgs:
 *     production: 1
 *     sandbox: 0
 *     finance: { required: 2, approvers: ["slack:U0CFO", "group:slack:S0FIN"] }
 *   playbooks:
 *     tableau-cloud: 1
 *   channel: slack:C0APPROVALS     # optional: approval cards also go to this channel
 * </pre>
 */
public record ApprovalPolicyConfig(int defaultRequired, Duration expiry, Map<String, OrgRule> orgs,
                                   Map<String, Integer> playbooks, String channel) {

    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    private static final Set<String> KEYS = Set.of("default", "expiry", "orgs", "playbooks", "channel");

    /** What one org needs: how many approvals, and who may give them (empty: anyone with the approver role). */
    public record OrgRule(int required, List<Grantee> approvers) {
        public OrgRule {
            approvers = List.copyOf(approvers);
            requireCount("required", required);
        }
    }

    public ApprovalPolicyConfig {
        requireCount("default", defaultRequired);
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new InvalidSettingException("approvals.expiry must be a positive duration like 24h; got " + expiry);
        }
        orgs = Map.copyOf(orgs);
        playbooks = Map.copyOf(playbooks);
        playbooks.forEach((name, n) -> requireCount("playbooks." + name, n));
        if (channel != null && (channel.indexOf(':') <= 0 || channel.endsWith(":"))) {
            throw new InvalidSettingException("approvals.channel is written platform:channelId (e.g. slack:C0APPROVALS); got '"
                    + channel + "'");
        }
    }

    public ApprovalPolicyConfig(int defaultRequired, Duration expiry, Map<String, OrgRule> orgs, Map<String, Integer> playbooks) {
        this(defaultRequired, expiry, orgs, playbooks, null);
    }

    /** Whether {@code org} has its own rule (see {@link ApprovalPolicy} for what that means for the demo org). */
    public boolean lists(String org) {
        return orgs.containsKey(org);
    }

    /**
     * The settings without an {@code approvals} section: one approval everywhere, the demo org listed with none (so a
     * playbook that requires approval still raises it there). What a change needs is {@link ApprovalPolicy}'s answer.
     */
    public static ApprovalPolicyConfig zeroConfig() {
        return new ApprovalPolicyConfig(1, DEFAULT_EXPIRY, Map.of(ApprovalPolicy.DEMO_ORG, new OrgRule(0, List.of())), Map.of());
    }

    /** What {@code org}'s own rule asks: its listed count, else {@code default}. */
    public int requiredForOrg(String org) {
        return orgs.containsKey(org) ? orgs.get(org).required() : defaultRequired;
    }

    /**
     * The counts of this section for {@code playbook} in {@code org}: the stricter of the org's rule and the
     * playbook's. Callers ask {@link ApprovalPolicy#need}, which applies the demo org's rule on top.
     */
    public int requiredApprovals(String org, String playbook) {
        return Math.max(requiredForOrg(org), playbooks.getOrDefault(playbook, 0));
    }

    /**
     * This policy with each playbook in {@code playbookIds} (those whose file says {@code approval_required: true})
     * needing at least one approval in every org, the demo org included; a higher count in the configuration stands.
     */
    public ApprovalPolicyConfig requiringApprovalFor(Collection<String> playbookIds) {
        Map<String, Integer> raised = new LinkedHashMap<>(playbooks);
        playbookIds.forEach(id -> raised.merge(id, 1, Math::max));
        return new ApprovalPolicyConfig(defaultRequired, expiry, orgs, raised, channel);
    }

    /** Who may approve for {@code org}; empty means every approver. */
    public List<Grantee> approversFor(String org) {
        OrgRule rule = orgs.get(org);
        return rule == null ? List.of() : rule.approvers();
    }

    /** Reads the {@code approvals} node (null or missing: {@link #zeroConfig()}); errors name the key and the fix. */
    public static ApprovalPolicyConfig fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return zeroConfig();
        if (!node.isObject()) throw new InvalidSettingException("approvals must be a map (default, expiry, orgs, playbooks, channel)");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidSettingException("approvals." + key + " is not a setting; use default, expiry, orgs, playbooks or channel");
            }
        }
        int defaultRequired = node.has("default") ? count(node.get("default"), "approvals.default") : 1;
        Duration expiry = node.has("expiry") ? Durations.parse(node.get("expiry").asText(), "approvals.expiry") : DEFAULT_EXPIRY;
        Map<String, OrgRule> orgs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(node.get("orgs"), "approvals.orgs")) {
            orgs.put(e.getKey(), orgRule(e.getValue(), "approvals.orgs." + e.getKey()));
        }
        Map<String, Integer> playbooks = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(node.get("playbooks"), "approvals.playbooks")) {
            playbooks.put(e.getKey(), count(e.getValue(), "approvals.playbooks." + e.getKey()));
        }
        String channel = node.hasNonNull("channel") ? node.get("channel").asText().strip() : null;
        return new ApprovalPolicyConfig(defaultRequired, expiry, orgs, playbooks, channel);
    }

    private static OrgRule orgRule(JsonNode value, String where) {
        if (value.isInt()) return new OrgRule(count(value, where), List.of());
        if (!value.isObject() || !value.has("required")) {
            throw new InvalidSettingException(where + " must be a number of approvals (e.g. 1) or "
                    + "{ required: 1, approvers: [\"slack:U024BE7LH\"] }");
        }
        List<Grantee> approvers = new ArrayList<>();
        JsonNode list = value.get("approvers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) throw new InvalidSettingException(where + ".approvers must be a list like [\"slack:U024BE7LH\"]");
            for (JsonNode entry : list) {
                try {
                    approvers.add(Grantee.parse(entry.asText()));
                } catch (InvalidSettingException e) {
                    throw new InvalidSettingException(where + ".approvers: " + e.getMessage());
                }
            }
        }
        return new OrgRule(count(value.get("required"), where + ".required"), approvers);
    }

    private static int count(JsonNode value, String where) {
        if (value == null || !value.isInt() || value.asInt() < 0 || value.asInt() > 5) {
            throw new InvalidSettingException(where + " must be a whole number of approvals from 0 to 5; got " + value);
        }
        return value.asInt();
    }

    private static void requireCount(String where, int n) {
        if (n < 0 || n > 5) throw new InvalidSettingException(where + " must be from 0 to 5 approvals; got " + n);
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node, String where) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new InvalidSettingException(where + " must be a map of name: approvals");
        node.fields().forEachRemaining(out::add);
        return out;
    }
}
