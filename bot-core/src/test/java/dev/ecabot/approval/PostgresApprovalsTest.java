package dev.ecabot.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import dev.ecabot.testing.MutableClock;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.ecabot.approval.ApprovalsTest.ALICE;
import static dev.ecabot.approval.ApprovalsTest.BOB;
import static dev.ecabot.approval.ApprovalsTest.CONFIG;
import static dev.ecabot.approval.ApprovalsTest.MALLORY;
import static dev.ecabot.approval.ApprovalsTest.draft;
import static dev.ecabot.approval.ApprovalsTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The approval flow on PostgreSQL, as production and clusters store it. */
class PostgresApprovalsTest {

    @Test
    void onPostgresARequestIsStoredDecidedOnceAndExpired() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        JsonNode config = yaml(CONFIG);
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            Approvals approvals = new Approvals(db.dataSource(), ApprovalPolicyConfig.fromJson(config.get("approvals")),
                    new AccessPolicy(RolesConfig.fromJson(config.get("roles"))), new AuditTrail(db.dataSource()), clock);
            ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
            ApprovalRequest neglected = approvals.submit(draft("production", "tableau-cloud", MALLORY));

            assertThat(approvals.approve(request.id(), ALICE, request.fingerprint())).isInstanceOf(ApprovalOutcome.Refused.class);
            assertThat(approvals.approve(request.id(), BOB, request.fingerprint())).isInstanceOf(ApprovalOutcome.Approved.class);
            assertThat(approvals.deny(request.id(), BOB, "changed my mind")).isInstanceOf(ApprovalOutcome.Refused.class);
            assertThat(approvals.find(request.id()).orElseThrow().draft()).isEqualTo(request.draft());

            clock.advance(Duration.ofHours(24));
            assertThat(approvals.expireDue()).extracting(ApprovalRequest::id).containsExactly(neglected.id());
            assertThat(approvals.pending()).isEmpty();
        }
    }
}
