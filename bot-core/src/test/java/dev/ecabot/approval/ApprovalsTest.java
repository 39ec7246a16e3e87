package dev.ecabot.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import dev.ecabot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approvals' behaviour (on H2; the PostgreSQL paths in PostgresApprovalsTest). */
class ApprovalsTest {

    static final ChatUserRef ALICE = ChatUserRef.parse("slack:U_ALICE");       // requester (and an approver)
    static final ChatUserRef BOB = ChatUserRef.parse("slack:U_BOB");           // approver
    static final ChatUserRef CAROL = ChatUserRef.parse("slack:U_CAROL");       // approver, also listed for finance
    static final ChatUserRef MALLORY = ChatUserRef.parse("slack:U_MALLORY");   // requester only

    static final String CONFIG = """
            roles:
              requesters: [ "slack:U_ALICE", "slack:U_MALLORY" ]
              approvers:  [ "slack:U_ALICE", "slack:U_BOB", "slack:U_CAROL" ]
            approvals:
              default: 1
              expiry: 24h
              orgs:
                production: 1
                sandbox: 0
                demo: 0
                finance: { required: 2, approvers: [ "slack:U_CAROL", "slack:U_BOB" ] }
                hr: { required: 1, approvers: [ "slack:U_CAROL" ] }
              playbooks:
                payroll-sync: 1
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Database db = Database.inMemory("approvals-" + UUID.randomUUID());
    private final AuditTrail audit = new AuditTrail(db.dataSource());
    private final JsonNode config = yaml(CONFIG);
    private final Approvals approvals = new Approvals(db.dataSource(), ApprovalPolicyConfig.fromJson(config.get("approvals")),
            new AccessPolicy(RolesConfig.fromJson(config.get("roles"))), audit, clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aProductionRequestWaitsForAnApprover() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));

        assertThat(request.state()).isEqualTo(ApprovalRequest.State.PENDING);
        assertThat(request.requiredApprovals()).isEqualTo(1);
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(request.summary()).contains("Create an External Client App in org production")
                .contains("Requested by slack:U_ALICE: Tableau needs to read dashboards")
                .contains("IP relaxation: Enforce IP restrictions").contains("Approvals: 0 of 1");
        assertThat(approvals.pendingFor(BOB)).extracting(ApprovalRequest::id).containsExactly(request.id());
        assertThat(approvals.pendingFor(ALICE)).isEmpty();

        ApprovalOutcome outcome = approvals.approve(request.id(), BOB, request.fingerprint());

        assertThat(outcome).isInstanceOf(ApprovalOutcome.Approved.class);
        assertThat(outcome.message()).contains("can go ahead");
        ApprovalRequest stored = approvals.find(request.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(ApprovalRequest.State.APPROVED);
        assertThat(stored.approvedBy()).containsExactly(BOB);
        assertThat(audit.forApp("production", "Tableau_Cloud")).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.REQUEST, AuditKind.APPROVAL);
    }

    @Test
    void sandboxAndDemoRequestsNeedNoApproval() {
        assertThat(approvals.submit(draft("sandbox", "tableau-cloud", ALICE)).state()).isEqualTo(ApprovalRequest.State.APPROVED);
        assertThat(approvals.submit(draft("demo", "tableau-cloud", ALICE)).state()).isEqualTo(ApprovalRequest.State.APPROVED);
    }

    @Test
    void anOrgNotInThePolicyNeedsOneApprovalAndAPlaybookCanRaiseTheBar() {
        assertThat(approvals.submit(draft("unlisted-org", "tableau-cloud", ALICE)).requiredApprovals()).isEqualTo(1);
        assertThat(approvals.submit(draft("sandbox", "payroll-sync", ALICE)).requiredApprovals()).isEqualTo(1);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));

        ApprovalOutcome outcome = approvals.approve(request.id(), ALICE, request.fingerprint());

        assertRefused(outcome, ApprovalOutcome.Reason.SELF_APPROVAL, "cannot decide your own request");
        assertThat(approvals.find(request.id()).orElseThrow().state()).isEqualTo(ApprovalRequest.State.PENDING);
    }

    @Test
    void approversAreToldAboutRequestsOfTheirOrgs() {
        assertThat(approvals.approversToTell("hr")).extracting(Object::toString).containsExactly("slack:U_CAROL");
        assertThat(approvals.approversToTell("production")).extracting(Object::toString)
                .containsExactly("slack:U_ALICE", "slack:U_BOB", "slack:U_CAROL");
    }

    @Test
    void someoneWhoIsNotAnApproverCannotDecide() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
        assertRefused(approvals.approve(request.id(), MALLORY, request.fingerprint()), ApprovalOutcome.Reason.NOT_AN_APPROVER,
                "not an approver for org production");
        assertRefused(approvals.deny(request.id(), MALLORY, "no"), ApprovalOutcome.Reason.NOT_AN_APPROVER, "not an approver");
    }

    @Test
    void onlyTheOrgsListedApproversDecideForThatOrg() {
        ApprovalRequest request = approvals.submit(draft("hr", "tableau-cloud", ALICE));
        assertRefused(approvals.approve(request.id(), BOB, request.fingerprint()), ApprovalOutcome.Reason.NOT_AN_APPROVER, "org hr");
        assertThat(approvals.approve(request.id(), CAROL, request.fingerprint())).isInstanceOf(ApprovalOutcome.Approved.class);
    }

    @Test
    void anApprovalOfWhatTheApproverSawDoesNotApplyToAChangedRequest() throws Exception {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
        ApprovalRequest changed = approvals.submit(draft("production", "tableau-cloud", ALICE, "Relax IP restrictions"));
        assertThat(changed.fingerprint()).isNotEqualTo(request.fingerprint());

        assertRefused(approvals.approve(changed.id(), BOB, request.fingerprint()), ApprovalOutcome.Reason.FINGERPRINT_CHANGED,
                "changed since");

        try (Connection c = db.dataSource().getConnection()) {   // edited behind the bot's back
            c.createStatement().executeUpdate("UPDATE approval_requests SET settings_json = "
                    + "'{\"IP relaxation\":\"Relax IP restrictions\"}' WHERE request_id = '" + request.id() + "'");
        }
        assertRefused(approvals.approve(request.id(), BOB, request.fingerprint()), ApprovalOutcome.Reason.FINGERPRINT_CHANGED,
                "changed since");
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
        approvals.deny(request.id(), BOB, "Use the shared Tableau app instead");

        assertRefused(approvals.approve(request.id(), CAROL, request.fingerprint()), ApprovalOutcome.Reason.ALREADY_DECIDED,
                "already denied");
    }

    @Test
    void aDenialNeedsAReasonAndTheRequesterIsToldIt() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
        assertRefused(approvals.deny(request.id(), BOB, "  "), ApprovalOutcome.Reason.REASON_REQUIRED, "Say why");

        ApprovalOutcome denied = approvals.deny(request.id(), BOB, "Use the shared Tableau app instead");

        assertThat(denied).isInstanceOf(ApprovalOutcome.Denied.class);
        assertThat(denied.message()).contains("Use the shared Tableau app instead");
        ApprovalRequest stored = approvals.find(request.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(ApprovalRequest.State.DENIED);
        assertThat(stored.deniedBy()).isEqualTo(BOB);
        assertThat(stored.denialReason()).isEqualTo("Use the shared Tableau app instead");
    }

    @Test
    void anOrgNeedingTwoApprovalsWaitsForTwoDifferentApprovers() {
        ApprovalRequest request = approvals.submit(draft("finance", "tableau-cloud", ALICE));

        assertThat(approvals.approve(request.id(), BOB, request.fingerprint())).isInstanceOf(ApprovalOutcome.ApprovalRecorded.class)
                .extracting(ApprovalOutcome::message).asString().contains("still needs 1 more");
        assertRefused(approvals.approve(request.id(), BOB, request.fingerprint()), ApprovalOutcome.Reason.ALREADY_APPROVED_BY_YOU, "already approved");
        assertThat(approvals.approve(request.id(), CAROL, request.fingerprint())).isInstanceOf(ApprovalOutcome.Approved.class);
        assertThat(approvals.find(request.id()).orElseThrow().approvedBy()).containsExactly(BOB, CAROL);
    }

    @Test
    void anUndecidedRequestExpiresAndCanNoLongerBeApproved() {
        ApprovalRequest old = approvals.submit(draft("production", "tableau-cloud", ALICE));
        clock.advance(Duration.ofHours(12));
        ApprovalRequest young = approvals.submit(draft("production", "tableau-cloud", MALLORY));
        clock.advance(Duration.ofHours(12));

        assertThat(approvals.expireDue()).extracting(ApprovalRequest::id).containsExactly(old.id());
        assertThat(approvals.expireDue()).isEmpty();
        assertRefused(approvals.approve(old.id(), BOB, old.fingerprint()), ApprovalOutcome.Reason.EXPIRED, "expired");
        assertThat(approvals.find(old.id()).orElseThrow().state()).isEqualTo(ApprovalRequest.State.EXPIRED);
        assertThat(approvals.pending()).extracting(ApprovalRequest::id).containsExactly(young.id());

        clock.advance(Duration.ofHours(12));   // expired but not yet swept: approving it expires it
        assertRefused(approvals.approve(young.id(), BOB, young.fingerprint()), ApprovalOutcome.Reason.EXPIRED, "expired");
        assertThat(approvals.find(young.id()).orElseThrow().state()).isEqualTo(ApprovalRequest.State.EXPIRED);
    }

    @Test
    void requestsSurviveARestart() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
        Approvals afterRestart = new Approvals(db.dataSource(), ApprovalPolicyConfig.fromJson(config.get("approvals")),
                new AccessPolicy(RolesConfig.fromJson(config.get("roles"))), audit, clock);

        ApprovalRequest reloaded = afterRestart.find(request.id()).orElseThrow();
        assertThat(reloaded.draft()).isEqualTo(request.draft());
        assertThat(reloaded.draft().settings().keySet()).containsExactly("IP relaxation", "OAuth scopes", "Callback URL");
        assertThat(afterRestart.approve(request.id(), BOB, request.fingerprint())).isInstanceOf(ApprovalOutcome.Approved.class);
    }

    @Test
    void theRequesterCanWithdrawAPendingRequest() {
        ApprovalRequest request = approvals.submit(draft("production", "tableau-cloud", ALICE));
        assertThat(approvals.withdraw(request.id(), MALLORY)).isFalse();
        assertThat(approvals.withdraw(request.id(), ALICE)).isTrue();
        assertRefused(approvals.approve(request.id(), BOB, request.fingerprint()), ApprovalOutcome.Reason.ALREADY_DECIDED, "withdrawn");
    }

    @Test
    void aRequestWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> new ApprovalDraft(ApprovalPurpose.CREATE, "production", "tableau-cloud", null, ALICE, " ", Map.of()))
                .hasMessageContaining("Say why");
    }

    @Test
    void badPolicySettingsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> ApprovalPolicyConfig.fromJson(yaml("{orgs: {production: many}}")))
                .hasMessageContaining("approvals.orgs.production must be a number of approvals");
        assertThatThrownBy(() -> ApprovalPolicyConfig.fromJson(yaml("{expiry: soon}")))
                .hasMessageContaining("approvals.expiry must be a duration like 24h");
        assertThatThrownBy(() -> ApprovalPolicyConfig.fromJson(yaml("{expires: 24h}")))
                .hasMessageContaining("approvals.expires is not a setting");
        assertThat(ApprovalPolicyConfig.fromJson(yaml("{expiry: PT2H}")).expiry()).isEqualTo(Duration.ofHours(2));
        assertThat(ApprovalPolicyConfig.zeroConfig().requiredApprovals("demo", "any")).isZero();
    }

    private static void assertRefused(ApprovalOutcome outcome, ApprovalOutcome.Reason reason, String messagePart) {
        assertThat(outcome).isInstanceOf(ApprovalOutcome.Refused.class);
        assertThat(((ApprovalOutcome.Refused) outcome).reason()).isEqualTo(reason);
        assertThat(outcome.message()).contains(messagePart);
    }

    static ApprovalDraft draft(String org, String playbook, ChatUserRef requester) {
        return draft(org, playbook, requester, "Enforce IP restrictions");
    }

    private static ApprovalDraft draft(String org, String playbook, ChatUserRef requester, String ipRelaxation) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("IP relaxation", ipRelaxation);
        settings.put("OAuth scopes", "Manage user data via APIs (api), Perform requests at any time (refresh_token, offline_access)");
        settings.put("Callback URL", "https://online.tableau.com/auth/add_oauth_token");
        return new ApprovalDraft(ApprovalPurpose.CREATE, org, playbook, "Tableau_Cloud", requester,
                "Tableau needs to read dashboards", settings);
    }

    static JsonNode yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
