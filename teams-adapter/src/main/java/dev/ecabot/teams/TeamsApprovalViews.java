package dev.ecabot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Teams needs to answer a Universal Actions refresh of an approval card (V125): the request's card as the engine
 * last posted or edited it, and who it was sent to as an approver. Which view a viewer gets is decided here only for
 * display; pressing Approve or Deny is always checked by the engine. Thread-safe.
 */
public final class TeamsApprovalViews {

    /** An approver the card was sent to: their Teams user id and the "29:" member id a refresh names. */
    public record Approver(String userId, String memberId) { }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DataSource dataSource;
    private final Clock clock;

    public TeamsApprovalViews(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Keeps {@code card} as the request's latest state (a post or an edit). */
    public void remember(ApprovalCard card) {
        String json = toJson(card);
        SqlWork.inTransaction(dataSource, "remember a Teams approval card", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE teams_approval_views SET card_json = ?, updated_at = ? WHERE request_id = ?")) {
                update.setString(1, json);
                SqlTime.set(update, 2, clock.instant());
                update.setString(3, card.requestId());
                if (update.executeUpdate() > 0) return null;
            }
            java.sql.Savepoint beforeInsert = c.setSavepoint(); // PostgreSQL aborts the transaction on a failed insert
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO teams_approval_views (card_json, updated_at, request_id) VALUES (?, ?, ?)")) {
                insert.setString(1, json);
                SqlTime.set(insert, 2, clock.instant());
                insert.setString(3, card.requestId());
                insert.executeUpdate();
            } catch (SQLException raced) { // another instance inserted it first: the later state wins
                c.rollback(beforeInsert);
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE teams_approval_views SET card_json = ?, updated_at = ? WHERE request_id = ?")) {
                    update.setString(1, json);
                    SqlTime.set(update, 2, clock.instant());
                    update.setString(3, card.requestId());
                    if (update.executeUpdate() == 0) throw raced;
                }
            }
            return null;
        });
    }

    public Optional<ApprovalCard> latest(String requestId) {
        return SqlWork.inTransaction(dataSource, "read a Teams approval card", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT card_json FROM teams_approval_views WHERE request_id = ?")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.<ApprovalCard>empty();
                }
            }
        });
    }

    /** Records that the request's card went to {@code approver} as an approver (again: no change). */
    public void addApprover(String requestId, Approver approver) {
        SqlWork.inTransaction(dataSource, "remember a Teams approver", c -> {
            try (PreparedStatement exists = c.prepareStatement(
                    "SELECT 1 FROM teams_approval_viewers WHERE request_id = ? AND user_id = ?")) {
                exists.setString(1, requestId);
                exists.setString(2, approver.userId());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) return null;
                }
            }
            java.sql.Savepoint beforeInsert = c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO teams_approval_viewers (request_id, user_id, member_id) VALUES (?, ?, ?)")) {
                insert.setString(1, requestId);
                insert.setString(2, approver.userId());
                insert.setString(3, approver.memberId());
                insert.executeUpdate();
            } catch (SQLException raced) {
                // another instance recorded the same approver first: nothing to add
                if (raced.getSQLState() == null || !raced.getSQLState().startsWith("23")) throw raced;
                c.rollback(beforeInsert);
            }
            return null;
        });
    }

    public List<Approver> approvers(String requestId) {
        return SqlWork.inTransaction(dataSource, "read Teams approvers", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_id, member_id FROM teams_approval_viewers WHERE request_id = ? ORDER BY user_id")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Approver> all = new ArrayList<>();
                    while (rs.next()) all.add(new Approver(rs.getString(1), rs.getString(2)));
                    return all;
                }
            }
        });
    }

    private static String toJson(ApprovalCard card) {
        try {
            return JSON.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store an approval card", e);
        }
    }

    private static ApprovalCard fromJson(String json) {
        try {
            return JSON.readValue(json, ApprovalCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored approval card is unreadable", e);
        }
    }
}
