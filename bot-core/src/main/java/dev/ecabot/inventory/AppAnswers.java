package dev.ecabot.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers each app was last made or updated with in chat (table {@code app_answers}): what {@code update} offers
 * as today's answers. Raw texts as typed, never a secret. Thread-safe.
 */
public final class AppAnswers {

    /** The answers and the playbook they answer. */
    public record Saved(String playbookId, Map<String, String> answers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final DataSource db;

    public AppAnswers(DataSource db) {
        this.db = db;
    }

    /** Keeps {@code answers} as the app's current ones, replacing those kept before. */
    public void save(String org, String apiName, String playbookId, Map<String, String> answers, Instant at) {
        String json;
        try {
            json = JSON.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the answers of " + apiName, e);
        }
        try (Connection c = db.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM app_answers WHERE org_name = ? AND api_name = ?")) {
                del.setString(1, org);
                del.setString(2, apiName);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_answers (org_name, api_name, playbook_id,"
                    + " answers_json, saved_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, org);
                ps.setString(2, apiName);
                ps.setString(3, playbookId);
                ps.setString(4, json);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the answers of " + apiName + ": " + e.getMessage(), e);
        }
    }

    public Optional<Saved> find(String org, String apiName) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT playbook_id, answers_json FROM app_answers WHERE org_name = ? AND api_name = ?")) {
            ps.setString(1, org);
            ps.setString(2, apiName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Saved(rs.getString(1), JSON.readValue(rs.getString(2), MAP)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the answers of " + apiName + ": " + e.getMessage(), e);
        }
    }
}
