package dev.ecabot.posture;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.InventorySettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules in force and which of their findings block provisioning per org ({@code inventory.posture.block}):
 * a blocked finding never changes the app a playbook prescribes, it makes the request need an approver, whose
 * approval accepts it explicitly. One per process, installed at start ({@link #install}); the shipped rules and no
 * block until then. Immutable, thread-safe.
 */
public record PosturePolicy(PostureRules rules, InventorySettings settings) {

    private static volatile PosturePolicy current = new PosturePolicy(PostureRules.shipped(), InventorySettings.defaults());

    /**
     * The policy an environment asks for: the shipped rules with the admin's
     * {@code $ECABOT_PLAYBOOKS_DIR/posture/rules.yaml} when there is one, and the inventory settings. Serve and the
     * command line both take it from here, so a report grades an app the same wherever it is made.
     *
     * @throws PostureRulesException when the admin's rule file is broken (naming each problem)
     */
    public static PosturePolicy fromEnvironment(java.util.Map<String, String> env, InventorySettings settings) {
        return new PosturePolicy(PostureRules.load(java.util.Optional.ofNullable(env.get(dev.ecabot.playbook.PlaybookLoader.DIR_VARIABLE))
                .filter(d -> !d.isBlank()).map(java.nio.file.Path::of)), settings);
    }

    /** Makes {@code policy} the one the confirmation, the approval request and the gate use. */
    public static void install(PosturePolicy policy) {
        current = policy;
    }

    public static PosturePolicy current() {
        return current;
    }

    /** The findings of an app about to be created in {@code org} for {@code requester} (its owner to be). */
    public List<PostureFinding> findings(EcaSpec spec, String requester) {
        return rules.grade(PostureFacts.of(spec, requester, null));
    }

    /** Those of {@code findings} that {@code org}'s policy turns into a block needing an approver's acceptance. */
    public List<PostureFinding> blocking(String org, List<PostureFinding> findings) {
        Set<String> blocked = settings.blockedIn(org);
        return findings.stream().filter(f -> blocked.contains(f.ruleId())).toList();
    }

    /** The confirmation's warnings: one line per finding, blocked ones saying an approver must accept them. */
    public List<String> confirmationWarnings(EcaSpec spec, String requester, String org) {
        List<PostureFinding> findings = findings(spec, requester);
        List<PostureFinding> blocking = blocking(org, findings);
        List<String> out = new ArrayList<>();
        for (PostureFinding f : findings) {
            out.add("Posture " + f.line() + (blocking.contains(f)
                    ? " (" + org + "'s policy: an approver must accept this before the app is created)" : ""));
        }
        if (!findings.isEmpty()) {
            out.add("These are warnings about what the vendor's playbook prescribes; the app is created exactly as shown"
                    + (blocking.isEmpty() ? "." : ", once an approver accepts the blocked findings."));
        }
        return out;
    }
}
