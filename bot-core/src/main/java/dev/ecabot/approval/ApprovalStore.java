package dev.ecabot.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.SqlTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** The approval tables: requests and the decisions on them. Every method works in the caller's transaction. */
final class ApprovalStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> SETTINGS = new TypeReference<>() {
    };

    void insert(Connection c, ApprovalRequest r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approval_requests (request_id, purpose, org, playbook, "
                + "api_name, requester, reason, settings_json, fingerprint, required_approvals, state, created_at, expires_at, "
                + "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ApprovalDraft d = r.draft();
            ps.setString(1, r.id());
            ps.setString(2, d.purpose().name());
            ps.setString(3, d.org());
            ps.setString(4, d.playbook());
            ps.setString(5, d.apiName());
            ps.setString(6, d.requester().toString());
            ps.setString(7, d.reason());
            ps.setString(8, toJson(d));
            ps.setString(9, r.fingerprint());
            ps.setInt(10, r.requiredApprovals());
            ps.setString(11, r.state().name());
            SqlTime.set(ps, 12, r.createdAt());
            SqlTime.set(ps, 13, r.expiresAt());
            SqlTime.set(ps, 14, r.decidedAt());
            ps.executeUpdate();
        }
    }

    void addDecision(Connection c, String requestId, ChatUserRef approver, String decision, String fingerprintSeen,
                     Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approval_decisions (request_id, approver, decision, "
                + "fingerprint_seen, decided_at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, requestId);
            ps.setString(2, approver.toString());
            ps.setString(3, decision);
            ps.setString(4, fingerprintSeen);
            SqlTime.set(ps, 5, at);
            ps.setString(6, reason);
            ps.executeUpdate();
        }
    }

    void close(Connection c, String requestId, ApprovalRequest.State state, Instant at, String denialReason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE approval_requests SET state = ?, decided_at = ?, "
                + "denial_reason = ? WHERE request_id = ? AND state = 'PENDING'")) {
            ps.setString(1, state.name());
            SqlTime.set(ps, 2, at);
            ps.setString(3, denialReason);
            ps.setString(4, requestId);
            if (ps.executeUpdate() != 1) throw new SQLException("request " + requestId + " was decided concurrently");
        }
    }

    /** The request, row-locked until the transaction ends when {@code forUpdate}. */
    Optional<ApprovalRequest> find(Connection c, String requestId, boolean forUpdate) throws SQLException {
        List<ApprovalRequest> found = query(c, "SELECT * FROM approval_requests WHERE request_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""), requestId);
        return found.stream().findFirst();
    }

    List<ApprovalRequest> pendingDueBy(Connection c, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT request_id FROM approval_requests WHERE state = 'PENDING' AND expires_at <= ? ORDER BY expires_at")) {
            SqlTime.set(ps, 1, at);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            List<ApprovalRequest> out = new ArrayList<>();
            for (String id : ids) find(c, id, true).ifPresent(out::add);
            return out;
        }
    }

    List<ApprovalRequest> pending(Connection c) throws SQLException {
        return query(c, "SELECT * FROM approval_requests WHERE state = 'PENDING' ORDER BY created_at, request_id");
    }

    private List<ApprovalRequest> query(Connection c, String sql, String... params) throws SQLException {
        List<ApprovalRequest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        List<ApprovalRequest> withDecisions = new ArrayList<>();
        for (ApprovalRequest r : out) withDecisions.add(withDecisions(c, r));
        return withDecisions;
    }

    private ApprovalRequest withDecisions(Connection c, ApprovalRequest r) throws SQLException {
        List<ChatUserRef> approvedBy = new ArrayList<>();
        ChatUserRef deniedBy = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT approver, decision FROM approval_decisions WHERE request_id = ? ORDER BY decided_at, approver")) {
            ps.setString(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChatUserRef who = ChatUserRef.parse(rs.getString(1));
                    if (rs.getString(2).equals("APPROVE")) approvedBy.add(who);
                    else deniedBy = who;
                }
            }
        }
        return new ApprovalRequest(r.id(), r.draft(), r.fingerprint(), r.requiredApprovals(), approvedBy, r.state(),
                r.createdAt(), r.expiresAt(), r.decidedAt(), deniedBy, r.denialReason());
    }

    private static ApprovalRequest read(ResultSet rs) throws SQLException {
        ApprovalDraft draft = new ApprovalDraft(ApprovalPurpose.valueOf(rs.getString("purpose")), rs.getString("org"),
                rs.getString("playbook"), rs.getString("api_name"), ChatUserRef.parse(rs.getString("requester")),
                rs.getString("reason"), fromJson(rs.getString("settings_json")));
        return new ApprovalRequest(rs.getString("request_id"), draft, rs.getString("fingerprint"),
                rs.getInt("required_approvals"), List.of(), ApprovalRequest.State.valueOf(rs.getString("state")),
                SqlTime.get(rs, "created_at"), SqlTime.get(rs, "expires_at"), SqlTime.get(rs, "decided_at"), null,
                rs.getString("denial_reason"));
    }

    private static String toJson(ApprovalDraft d) {
        try {
            return JSON.writeValueAsString(d.settings());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request's settings cannot be stored: " + e.getOriginalMessage(), e);
        }
    }

    private static LinkedHashMap<String, String> fromJson(String json) throws SQLException {
        try {
            return JSON.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("settings_json of an approval request is not valid JSON", e);
        }
    }
}
