package dev.ecabot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.ConversationReference;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.Optional;

/**
 * Where the bot can reach Teams conversations and people later, kept in the database (V55) so any instance,
 * also after a restart, can post progress, reminders and notices: the ConversationReference of every
 * conversation it was spoken to in, and for each person their member id, tenant and 1:1 chat. Thread-safe.
 */
public final class TeamsDirectory {

    /**
     * A person as the bot can address them: ids to open a 1:1 chat, the chat once there is one, and the time zone
     * their Teams client last named (IANA, e.g. "Europe/Berlin"; null when none was sent yet).
     */
    public record Member(String userId, String memberId, String displayName, String tenantId, String serviceUrl,
                         String botId, String personalConversationId, String timeZone) {

        public Member(String userId, String memberId, String displayName, String tenantId, String serviceUrl,
                      String botId, String personalConversationId) {
            this(userId, memberId, displayName, tenantId, serviceUrl, botId, personalConversationId, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DataSource dataSource;
    private final Clock clock;

    public TeamsDirectory(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Remembers (or refreshes: serviceUrls can move) how to reach a conversation. */
    public void rememberConversation(ConversationReference reference) {
        String json = toJson(reference);
        upsert("remember a Teams conversation",
                "UPDATE teams_conversations SET reference_json = ?, updated_at = ? WHERE conversation_id = ?",
                "INSERT INTO teams_conversations (reference_json, updated_at, conversation_id) VALUES (?, ?, ?)",
                ps -> {
                    ps.setString(1, json);
                    SqlTime.set(ps, 2, clock.instant());
                    ps.setString(3, reference.getConversation().getId());
                });
    }

    public Optional<ConversationReference> conversation(String conversationId) {
        return SqlWork.inTransaction(dataSource, "read a Teams conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reference_json FROM teams_conversations WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.<ConversationReference>empty();
                }
            }
        });
    }

    /**
     * The conversation the bot heard from last: its serviceUrl, tenant and bot account are where a conversation the
     * bot starts itself (a thread in a channel it was never spoken in) is created.
     */
    public Optional<ConversationReference> latestConversation() {
        return SqlWork.inTransaction(dataSource, "read the latest Teams conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT reference_json FROM teams_conversations ORDER BY updated_at DESC FETCH FIRST 1 ROWS ONLY")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.<ConversationReference>empty();
                }
            }
        });
    }

    /**
     * Remembers a person; {@code personalConversationId} and {@code timeZone} may be null (seen only in a channel, an
     * activity without clientInfo), keeping the known ones.
     */
    public void rememberMember(Member member) {
        upsert("remember a Teams member",
                "UPDATE teams_members SET member_id = ?, display_name = ?, tenant_id = ?, service_url = ?, bot_id = ?,"
                        + " personal_conversation_id = COALESCE(?, personal_conversation_id), updated_at = ?,"
                        + " time_zone = COALESCE(?, time_zone) WHERE user_id = ?",
                "INSERT INTO teams_members (member_id, display_name, tenant_id, service_url, bot_id,"
                        + " personal_conversation_id, updated_at, time_zone, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, member.memberId());
                    ps.setString(2, member.displayName());
                    ps.setString(3, member.tenantId());
                    ps.setString(4, member.serviceUrl());
                    ps.setString(5, member.botId());
                    ps.setString(6, member.personalConversationId());
                    SqlTime.set(ps, 7, clock.instant());
                    ps.setString(8, member.timeZone());
                    ps.setString(9, member.userId());
                });
    }

    public Optional<Member> member(String userId) {
        return SqlWork.inTransaction(dataSource, "read a Teams member", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT member_id, display_name, tenant_id, service_url, bot_id,"
                    + " personal_conversation_id, time_zone FROM teams_members WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Member>empty();
                    return Optional.of(new Member(userId, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** UPDATE, else INSERT; both statements take the same parameters in the same order. */
    private void upsert(String what, String update, String insert, Binder binder) {
        SqlWork.inTransaction(dataSource, what, c -> {
            if (run(c, update, binder) == 0) {
                Savepoint beforeInsert = c.setSavepoint(); // PostgreSQL aborts the transaction on a failed insert
                try {
                    run(c, insert, binder);
                } catch (SQLException raced) { // another instance inserted it first: update theirs
                    c.rollback(beforeInsert);
                    if (run(c, update, binder) == 0) throw raced;
                }
            }
            return null;
        });
    }

    private static int run(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    private static String toJson(ConversationReference reference) {
        try {
            return JSON.writeValueAsString(reference);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store a Teams conversation reference", e);
        }
    }

    private static ConversationReference fromJson(String json) {
        try {
            return JSON.readValue(json, ConversationReference.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored Teams conversation reference is unreadable", e);
        }
    }
}
