package dev.ecabot.approval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPolicyConfigTest {

    @Test
    void zeroConfigNeedsNoApprovalInTheDemoOrgAndOneElsewhere() {
        ApprovalPolicyConfig policy = ApprovalPolicyConfig.zeroConfig();
        assertThat(policy.requiredApprovals("demo", "vonage-ai-studio")).isZero();
        assertThat(policy.requiredApprovals("prod", "vonage-ai-studio")).isEqualTo(1);
    }

    @Test
    void aPlaybookThatRequiresApprovalNeedsOneEvenWhereItsOrgNeedsNone() {
        ApprovalPolicyConfig policy = new ApprovalPolicyConfig(1, ApprovalPolicyConfig.DEFAULT_EXPIRY,
                Map.of("sandbox", new ApprovalPolicyConfig.OrgRule(0, List.of()),
                        "prod", new ApprovalPolicyConfig.OrgRule(2, List.of())),
                Map.of()).requiringApprovalFor(List.of("custom"));

        assertThat(policy.requiredApprovals("sandbox", "custom")).isEqualTo(1);
        assertThat(policy.requiredApprovals("sandbox", "altify-mcp")).isZero();
        assertThat(policy.requiredApprovals("prod", "custom")).as("the org's stricter rule stands").isEqualTo(2);
    }

    @Test
    void aHigherCountConfiguredForThePlaybookIsKept() {
        ApprovalPolicyConfig policy = new ApprovalPolicyConfig(0, ApprovalPolicyConfig.DEFAULT_EXPIRY, Map.of(),
                Map.of("custom", 3)).requiringApprovalFor(List.of("custom"));
        assertThat(policy.requiredApprovals("any", "custom")).isEqualTo(3);
    }
}
