package dev.ecabot.reminders;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.ApprovalDraft;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.vault.RevealOffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPlansTest {

    private static final ChatUserRef ALICE = ChatUserRef.parse("slack:U_ALICE");
    private static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
    private static final Recipient CHANNEL = Recipient.channel("slack", "C_INTEGRATIONS");
    private final ReminderPlans plans = ReminderPlans.defaults();

    @Test
    void theAppIsSaidToBeUsableWhenItsActivationDelayIsOver() {
        Reminder r = plans.appUsable(ALICE, "prod", "Tableau_Cloud", T0, Duration.ofMinutes(30), "Sign in from Tableau.");
        assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-01-31T10:30:00Z"));
        assertThat(r.recipient()).as("the app's owner as it fires; the requester until an admin names another")
                .isEqualTo(Recipient.owner(ALICE));
        assertThat(r.text()).contains("usable now").contains("Sign in from Tableau.");
        assertThat(r.id()).isEqualTo(plans.appUsable(ALICE, "prod", "Tableau_Cloud", T0, Duration.ofMinutes(30), "x").id());
    }

    @Test
    void aThirtyDayRefreshTokenLifetimeIsRemindedAWeekAhead() {
        Reminder r = plans.refreshTokenExpiring(CHANNEL, "prod", "Tableau_Cloud", T0,
                lifetime(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS), "Reconnect in Tableau.").orElseThrow();
        assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-02-23T10:00:00Z"));
        assertThat(r.text()).contains("expire at 2026-03-02T10:00:00Z").contains("30 days").contains("Reconnect in Tableau.");
    }

    @Test
    void monthsAreCalendarMonthsAndShortLifetimesAreRemindedAQuarterOfTheirLifetimeAheadNotAtOnce() {
        Reminder months = plans.refreshTokenExpiring(CHANNEL, "prod", "App", T0,
                lifetime(RefreshTokenPolicy.SPECIFIC_LIFETIME, 1, RefreshTokenValidityUnit.MONTHS), "").orElseThrow();
        assertThat(months.text()).contains("expire at 2026-02-28T10:00:00Z");
        Reminder hours = plans.refreshTokenExpiring(CHANNEL, "prod", "App", T0,
                lifetime(RefreshTokenPolicy.SPECIFIC_LIFETIME, 12, RefreshTokenValidityUnit.HOURS), "").orElseThrow();
        assertThat(hours.dueAt()).isEqualTo(T0.plus(java.time.Duration.ofHours(9)));
        assertThat(hours.text()).contains("in about 3 hours", "(policy: 12 hours)");
    }

    @Test
    void thePlaybooksNoticeDecidesTheLeadAndTheTextSaysTheSameLead() {
        Reminder r = plans.refreshTokenExpiring(CHANNEL, "prod", "Claude_MCP", T0,
                lifetime(RefreshTokenPolicy.SPECIFIC_LIFETIME, 45, RefreshTokenValidityUnit.DAYS), "Sign in again.",
                java.time.Duration.ofDays(3)).orElseThrow();

        assertThat(r.dueAt()).isEqualTo(T0.plus(java.time.Duration.ofDays(42)));
        assertThat(r.text()).contains("in about 3 days", "(policy: 45 days)", "Sign in again.");
    }

    @Test
    void policiesWithoutAFixedEndGetNoRefreshReminder() {
        for (RefreshTokenPolicy p : List.of(RefreshTokenPolicy.INFINITE, RefreshTokenPolicy.ZERO, RefreshTokenPolicy.SPECIFIC_INACTIVITY)) {
            assertThat(plans.refreshTokenExpiring(CHANNEL, "prod", "App", T0, lifetime(p, 30, RefreshTokenValidityUnit.DAYS), ""))
                    .as(p.token()).isEmpty();
        }
    }

    @Test
    void theOldPairOfARotatedAppIsRemindedBeforeItsThirtyDaysEnd() {
        Reminder r = plans.oldCredentialExpiring(Recipient.requester(ALICE), "prod", "App", T0);
        assertThat(r.dueAt()).isEqualTo(T0.plus(Duration.ofDays(27)));
        assertThat(r.text()).contains("stop working at 2026-03-02T10:00:00Z").contains("revoke the old one");
    }

    @Test
    void approversAreRemindedBeforeARequestExpiresAndRequestersBeforeAnOfferDoes() {
        ApprovalRequest request = new ApprovalRequest("req-1", new ApprovalDraft(ApprovalPurpose.CREATE, "prod", "tableau-cloud",
                "Tableau_Cloud", ALICE, "dashboards", Map.of()), "f", 1, List.of(), ApprovalRequest.State.PENDING, T0,
                T0.plus(Duration.ofHours(24)), null, null, null);
        Reminder approval = plans.approvalExpiring(request);
        assertThat(approval.recipient()).isEqualTo(Recipient.approvers());
        assertThat(approval.reference()).isEqualTo("req-1");
        assertThat(approval.dueAt()).isEqualTo(T0.plus(Duration.ofHours(22)));

        RevealOffer offer = new RevealOffer("offer-1", ALICE, "prod", "Tableau_Cloud", RevealOffer.State.OPEN, T0,
                T0.plus(Duration.ofHours(24)), null, null);
        Reminder reveal = plans.revealExpiring(offer);
        assertThat(reveal.recipient().user()).isEqualTo(ALICE);
        assertThat(reveal.dueAt()).isEqualTo(T0.plus(Duration.ofHours(22)));
        assertThat(reveal.text()).contains("reveal them before 2026-02-01T10:00:00Z");
    }

    private static OauthPolicies lifetime(RefreshTokenPolicy policy, int period, RefreshTokenValidityUnit unit) {
        return new OauthPolicies(null, null, null, null, policy, period, unit, false, null, null, null, null, null, null);
    }
}
