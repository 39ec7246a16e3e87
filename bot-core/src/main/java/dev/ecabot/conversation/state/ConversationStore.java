package dev.ecabot.conversation.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;

import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Conversations in progress, in the {@code conversation_state} table. Saves are optimistic: a save whose
 * version no longer matches the stored one fails with {@link ConcurrentChangeException}, so two instances
 * taking messages of the same conversation cannot silently overwrite each other. Thread-safe.
 */
public final class ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() { };
    private static final String COLUMNS = "conv_key, platform, user_id, thread_key, user_name, user_email, "
            + "channel_id, stage, playbook_id, org_name, answers_json, pending, started_at, updated_at, version";

    private final DataSource dataSource;

    public ConversationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ConversationState> find(ConversationKey key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM conversation_state WHERE conv_key = ?")) {
            ps.setString(1, key.asString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read conversation " + key.asString(), e);
        }
    }

    /** Inserts (version 0) or updates (matching version) the state; returns it with its new version. */
    public ConversationState save(ConversationState state) {
        try (Connection c = dataSource.getConnection()) {
            int changed = state.version() == 0 ? insert(c, state) : update(c, state);
            if (changed != 1) throw new ConcurrentChangeException(state.key());
            return state.withVersion(state.version() + 1);
        } catch (SQLException e) {
            if (state.version() == 0 && isDuplicateKey(e)) throw new ConcurrentChangeException(state.key());
            throw new IllegalStateException("could not save conversation " + state.key().asString(), e);
        }
    }

    /** Ends the conversation; the API name its request held is free again. */
    public void delete(ConversationKey key) {
        SqlWork.inTransaction(dataSource, "delete conversation " + key.asString(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM conversation_state WHERE conv_key = ?")) {
                ps.setString(1, key.asString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    releaseName(c, ConversationState.requestIdOf(key, rs.getTimestamp(1).toInstant()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation_state WHERE conv_key = ?")) {
                ps.setString(1, key.asString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes the row only if nobody changed it since {@code state} was read (releasing its name); true when deleted. */
    public boolean deleteIfUnchanged(ConversationState state) {
        return SqlWork.inTransaction(dataSource, "delete conversation " + state.key().asString(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM conversation_state WHERE conv_key = ? AND version = ?")) {
                ps.setString(1, state.key().asString());
                ps.setLong(2, state.version());
                if (ps.executeUpdate() != 1) return false;
            }
            releaseName(c, state.requestId());
            return true;
        });
    }

    /** The app name a request held (see AppNameReservations), given up with its conversation. */
    private static void releaseName(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_name_reservation WHERE request_id = ?")) {
            ps.setString(1, requestId);
            ps.executeUpdate();
        }
    }

    /** Conversations not touched since {@code before}, oldest first, in a stage waiting for the person to answer. */
    public List<ConversationState> idleSince(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation_state "
                     + "WHERE updated_at < ? AND stage NOT IN (?, ?) ORDER BY updated_at")) {
            ps.setTimestamp(1, Timestamp.from(before));
            ps.setString(2, Stage.PROVISIONING.name());
            ps.setString(3, Stage.AWAITING_APPROVAL.name());
            List<ConversationState> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(read(rs));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list idle conversations", e);
        }
    }

    /** Conversations in {@code channelId} (and thread, when given) of {@code platform}, most recent first. */
    public List<ConversationState> waitingIn(String platform, String channelId, String threadKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation_state "
                     + "WHERE platform = ? AND channel_id = ? AND (? IS NULL OR thread_key = ?) ORDER BY updated_at DESC")) {
            ps.setString(1, platform);
            ps.setString(2, channelId);
            ps.setString(3, threadKey);
            ps.setString(4, threadKey);
            List<ConversationState> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(read(rs));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the conversations of a place", e);
        }
    }

    /** The conversation waiting for approval request {@code requestId}, if any. */
    public Optional<ConversationState> awaitingApproval(String requestId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation_state "
                     + "WHERE stage = ? AND pending = ?")) {
            ps.setString(1, Stage.AWAITING_APPROVAL.name());
            ps.setString(2, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not find the conversation of approval request " + requestId, e);
        }
    }

    /** Conversations in {@code stage}, oldest first (e.g. provisioning cut short by a restart). */
    public List<ConversationState> inStage(Stage stage) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation_state "
                     + "WHERE stage = ? ORDER BY updated_at")) {
            ps.setString(1, stage.name());
            List<ConversationState> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(read(rs));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list conversations in stage " + stage, e);
        }
    }

    private static int insert(Connection c, ConversationState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation_state (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.key().asString());
            ps.setString(2, s.key().platform());
            ps.setString(3, s.key().userId());
            ps.setString(4, s.key().threadKey());
            bindMutable(ps, 5, s);
            ps.setTimestamp(13, Timestamp.from(s.startedAt()));
            ps.setTimestamp(14, Timestamp.from(s.updatedAt()));
            ps.setLong(15, 1);
            return ps.executeUpdate();
        }
    }

    private static int update(Connection c, ConversationState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversation_state SET user_name = ?, "
                + "user_email = ?, channel_id = ?, stage = ?, playbook_id = ?, org_name = ?, answers_json = ?, "
                + "pending = ?, updated_at = ?, version = ? WHERE conv_key = ? AND version = ?")) {
            bindMutable(ps, 1, s);
            ps.setTimestamp(9, Timestamp.from(s.updatedAt()));
            ps.setLong(10, s.version() + 1);
            ps.setString(11, s.key().asString());
            ps.setLong(12, s.version());
            return ps.executeUpdate();
        }
    }

    /** Binds user_name .. pending (8 columns) from {@code first}. */
    private static void bindMutable(PreparedStatement ps, int first, ConversationState s) throws SQLException {
        ps.setString(first, s.user().displayName());
        ps.setString(first + 1, s.user().email());
        ps.setString(first + 2, s.place().channelId());
        ps.setString(first + 3, s.stage().name());
        ps.setString(first + 4, s.playbookId());
        ps.setString(first + 5, s.org());
        ps.setString(first + 6, toJson(s));
        ps.setString(first + 7, s.pending());
    }

    private static ConversationState read(ResultSet rs) throws SQLException {
        ConversationKey key = new ConversationKey(rs.getString("platform"), rs.getString("user_id"),
                rs.getString("thread_key"));
        ChatUser user = new ChatUser(key.platform(), key.userId(), rs.getString("user_name"),
                rs.getString("user_email"));
        ChatPlace place = new ChatPlace(rs.getString("channel_id"), key.threadKey());
        LinkedHashMap<String, String> answers;
        try {
            answers = JSON.readValue(rs.getString("answers_json"), ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers of " + key.asString() + " are not valid JSON", e);
        }
        return new ConversationState(key, user, place, Stage.valueOf(rs.getString("stage")),
                rs.getString("playbook_id"), rs.getString("org_name"), answers, rs.getString("pending"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    private static String toJson(ConversationState s) {
        try {
            return JSON.writeValueAsString(s.answers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers cannot be written as JSON", e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23"); // integrity constraint violation, H2 and PostgreSQL
    }
}
