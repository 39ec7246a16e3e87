package dev.ecabot.approval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one policy function: what a change needs, and the reason a person or the audit trail reads. */
class ApprovalPolicyTest {

    private static final ApprovalPolicyConfig CONFIGURED = new ApprovalPolicyConfig(1, ApprovalPolicyConfig.DEFAULT_EXPIRY,
            Map.of("prod", new ApprovalPolicyConfig.OrgRule(2, List.of()), "uat", new ApprovalPolicyConfig.OrgRule(0, List.of())),
            Map.of("payroll-sync", 3));

    @Test
    void theDemoOrgNeedsNoneUnlessTheSectionListsIt() {
        for (ApprovalPurpose purpose : ApprovalPurpose.values()) {
            ApprovalNeed need = new ApprovalPolicy(CONFIGURED).need("demo", "payroll-sync", purpose);
            assertThat(need.required()).as(purpose.name()).isFalse();
            assertThat(need.reason()).contains("demo org needs none");
        }
        ApprovalPolicyConfig listed = new ApprovalPolicyConfig(1, ApprovalPolicyConfig.DEFAULT_EXPIRY,
                Map.of("demo", new ApprovalPolicyConfig.OrgRule(1, List.of())), Map.of());
        assertThat(new ApprovalPolicy(listed).need("demo", "vonage-ai-studio", ApprovalPurpose.CREATE))
                .isEqualTo(new ApprovalNeed(1, "org demo needs 1 to create (approvals.orgs.demo)"));
    }

    @Test
    void withoutASectionTheDemoOrgNeedsNoneAndEveryOtherOrgOne() {
        ApprovalPolicy zero = new ApprovalPolicy(ApprovalPolicyConfig.zeroConfig());
        assertThat(zero.need("demo", "vonage-ai-studio", ApprovalPurpose.CREATE).approvals()).isZero();
        assertThat(zero.need("prod", "vonage-ai-studio", ApprovalPurpose.DELETE))
                .isEqualTo(new ApprovalNeed(1, "org prod is not listed, so it needs the default 1 to delete (approvals.default)"));
    }

    @Test
    void theReasonNamesTheSettingThatDecided() {
        ApprovalPolicy policy = new ApprovalPolicy(CONFIGURED);
        assertThat(policy.need("prod", "vonage-ai-studio", ApprovalPurpose.ROTATE).reason())
                .isEqualTo("org prod needs 2 to rotate (approvals.orgs.prod)");
        assertThat(policy.need("uat", "vonage-ai-studio", ApprovalPurpose.UPDATE).required()).isFalse();
        assertThat(policy.need("uat", "payroll-sync", ApprovalPurpose.CREATE))
                .isEqualTo(new ApprovalNeed(3, "playbook payroll-sync needs 3 to create (approvals.playbooks.payroll-sync,"
                        + " or approval_required in the playbook)"));
    }

    @Test
    void aPostureBlockRaisesANeedOfNoneToOneAndLeavesAHigherNeedAlone() {
        ApprovalNeed none = new ApprovalNeed(0, "org uat needs 0");
        assertThat(none.atLeastOne("a blocked finding")).isEqualTo(new ApprovalNeed(1, "a blocked finding"));
        ApprovalNeed two = new ApprovalNeed(2, "org prod needs 2");
        assertThat(two.atLeastOne("a blocked finding")).isSameAs(two);
    }
}
