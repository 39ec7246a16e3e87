package dev.ecabot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.message.FormPrompt;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The forms offered to each Slack user as a "Fill in" button (table slack_pending_form), so the modal can be
 * built by whichever instance gets the click, even after a restart. The latest offer of a form replaces the
 * earlier one. Thread-safe.
 */
final class PendingForms {

    /** A form waiting to be filled in, and where its conversation is. */
    record Pending(FormPrompt form, ChatPlace place) { }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final Clock clock;

    PendingForms(DataSource dataSource, Clock clock) {
        // A form is remembered as its "Fill in" message is sent, and the click on it may come at once, from another
        // thread: the row must be visible by then. Sent from inside a chat turn (a port that posts within the turn),
        // joining the turn's transaction hid it until the turn committed, and the click found "no longer open".
        this.dataSource = dev.ecabot.store.UnitOfWork.independent(dataSource);
        this.clock = clock;
    }

    void save(String userId, FormPrompt form, ChatPlace place) {
        String json;
        try {
            json = JSON.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not store form " + form.id(), e);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM slack_pending_form WHERE user_id = ? AND form_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO slack_pending_form "
                         + "(user_id, form_id, channel_id, thread_ts, form_json, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                del.setString(1, userId);
                del.setString(2, form.id());
                del.executeUpdate();
                ins.setString(1, userId);
                ins.setString(2, form.id());
                ins.setString(3, place.channelId());
                ins.setString(4, place.threadKey());
                ins.setString(5, json);
                ins.setTimestamp(6, Timestamp.from(clock.instant()));
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store form " + form.id() + ": " + e.getMessage(), e);
        }
    }

    Optional<Pending> find(String userId, String formId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT channel_id, thread_ts, form_json FROM slack_pending_form "
                     + "WHERE user_id = ? AND form_id = ?")) {
            q.setString(1, userId);
            q.setString(2, formId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                FormPrompt form = JSON.readValue(rs.getString(3), FormPrompt.class);
                return Optional.of(new Pending(form, new ChatPlace(rs.getString(1), rs.getString(2))));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read form " + formId + ": " + e.getMessage(), e);
        }
    }

    void remove(String userId, String formId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement del = c.prepareStatement("DELETE FROM slack_pending_form WHERE user_id = ? AND form_id = ?")) {
            del.setString(1, userId);
            del.setString(2, formId);
            del.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove form " + formId + ": " + e.getMessage(), e);
        }
    }
}
