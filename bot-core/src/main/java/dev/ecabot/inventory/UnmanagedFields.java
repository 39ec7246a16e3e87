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
import java.util.TreeMap;

/**
 * The fields of each app's org components that the bot does not manage ({@code ExtlClntAppGlobalOauthSettings.isDPopEnabled},
 * {@code ExtlClntAppOauthConfigurablePolicies.apexHandler}, ...: see {@code OrgEca.unmanagedFields()}), as last seen
 * at provisioning or sync, in the {@code app_unmanaged_fields} table. {@code show} lists them without calling
 * Salesforce; sync names those that changed since. Never holds a secret or a generated id. Thread-safe.
 */
public final class UnmanagedFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What was seen, when, and by which step ("provisioning" or "sync"). */
    public record Seen(Map<String, String> fields, Instant seenAt, String seenBy) {
        public Seen {
            fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
        }
    }

    private final DataSource db;

    public UnmanagedFields(DataSource db) {
        this.db = db;
    }

    /** Replaces what is stored for the app with {@code fields}. */
    public void store(String org, String apiName, Map<String, String> fields, Instant seenAt, String seenBy) {
        String json;
        try {
            json = MAPPER.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unmanaged fields could not be written as JSON", e);
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM app_unmanaged_fields WHERE org_name=? AND api_name=?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO app_unmanaged_fields (org_name, api_name, fields_json,"
                         + " seen_at, seen_by) VALUES (?,?,?,?,?)")) {
                del.setString(1, org);
                del.setString(2, apiName);
                del.executeUpdate();
                ins.setString(1, org);
                ins.setString(2, apiName);
                ins.setString(3, json);
                ins.setTimestamp(4, Timestamp.from(seenAt));
                ins.setString(5, seenBy);
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the unmanaged fields of " + apiName, e);
        }
    }

    /** What was last seen for the app, if anything. */
    public Optional<Seen> find(String org, String apiName) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT fields_json, seen_at, seen_by FROM app_unmanaged_fields"
                     + " WHERE org_name=? AND api_name=?")) {
            ps.setString(1, org);
            ps.setString(2, apiName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Map<String, String> fields = MAPPER.readValue(rs.getString(1), new TypeReference<LinkedHashMap<String, String>>() { });
                return Optional.of(new Seen(fields, rs.getTimestamp(2).toInstant(), rs.getString(3)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read the unmanaged fields of " + apiName, e);
        }
    }
}
