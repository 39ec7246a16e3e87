package dev.ecabot.approval;

import dev.ecabot.salesforce.DemoOrgProvider;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one answer to "how many approvals does this change need, and why": for an org, a playbook and a purpose
 * (create, rotate, delete, update), from the {@code approvals} section of ecabot.yaml. Chat (every purpose) and
 * {@code ecabot provision} ask here, and nowhere else decides it. A posture finding the org's posture policy blocks
 * calls for at least one approval (approving accepts it): callers that create an app pass the blocked findings. The built-in demo org (the in-process emulator:
 * nothing real is created) needs none unless the section lists it; this is the only place that knows. Thread-safe.
 */
public final class ApprovalPolicy {

    /** The built-in demo org's name, as {@link DemoOrgProvider} serves it. */
    static final String DEMO_ORG = DemoOrgProvider.DEMO_ORG_NAME;

    private final ApprovalPolicyConfig config;

    public ApprovalPolicy(ApprovalPolicyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings this policy applies (who approves, expiry, the approvers' channel). */
    public ApprovalPolicyConfig config() {
        return config;
    }

    /** Approvals {@code purpose} needs on an app of {@code playbook} in {@code org}, with the reason. */
    public ApprovalNeed need(String org, String playbook, ApprovalPurpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (org.equalsIgnoreCase(DEMO_ORG) && !config.lists(org)) {
            return new ApprovalNeed(0, "the built-in demo org needs none (nothing real is created there)");
        }
        int approvals = config.requiredApprovals(org, playbook);
        int forOrg = config.requiredForOrg(org);
        String what = purpose.name().toLowerCase(Locale.ROOT);
        String reason;
        if (approvals > forOrg) {
            reason = "playbook " + playbook + " needs " + approvals + " to " + what + " (approvals.playbooks."
                    + playbook + ", or approval_required in the playbook)";
        } else if (config.lists(org)) {
            reason = "org " + org + " needs " + approvals + " to " + what + " (approvals.orgs." + org + ")";
        } else {
            reason = "org " + org + " is not listed, so it needs the default " + approvals + " to " + what
                    + " (approvals.default)";
        }
        return new ApprovalNeed(approvals, reason);
    }

    /**
     * As {@link #need(String, String, ApprovalPurpose)}, for an app with {@code blockedFindings}: the findings (one line
     * each) that {@code org}'s posture policy blocks. Any such finding needs at least one approval, which accepts it.
     */
    public ApprovalNeed need(String org, String playbook, ApprovalPurpose purpose, List<String> blockedFindings) {
        ApprovalNeed need = need(org, playbook, purpose);
        if (blockedFindings.isEmpty()) return need;
        return need.atLeastOne("org " + org + "'s posture policy blocks " + String.join("; ", blockedFindings)
                + ", and an approval accepts it");
    }
}
