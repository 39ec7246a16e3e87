package dev.ecabot.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory as a file for the teams that track ECAs: CSV (one row per app, RFC 4180 quoting, no settings,
 * formula-like cells made inert) or JSON (the same fields plus the settings each app was made with). Holds consumer keys, never a secret:
 * the inventory has none. Thread-safe.
 */
public final class InventoryExport {

    /** The export formats, by the word users type. */
    public enum Format {
        CSV("csv", "text/csv"), JSON("json", "application/json");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<Format> named(String word) {
            for (Format f : values()) if (f.extension.equals(word.toLowerCase(Locale.ROOT))) return Optional.of(f);
            return Optional.empty();
        }
    }

    private static final List<String> COLUMNS = List.of("org", "api_name", "label", "playbook", "vendor", "requester",
            "approver", "contact_email", "consumer_key", "created_at", "status");
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InventoryExport() {
    }

    public static String write(List<InventoryApp> apps, Format format) {
        return write(apps, format, List.of(), Map.of());
    }

    /**
     * The export with {@code extraColumns} after the inventory's own (posture and usage, see
     * {@code report.InventoryReport}); {@code extras} holds each app's values keyed by {@link AppOwners#key}.
     */
    public static String write(List<InventoryApp> apps, Format format, List<String> extraColumns,
                               Map<String, Map<String, String>> extras) {
        return format == Format.CSV ? csv(apps, extraColumns, extras) : json(apps, extras);
    }

    public static String csv(List<InventoryApp> apps) {
        return csv(apps, List.of(), Map.of());
    }

    private static String csv(List<InventoryApp> apps, List<String> extraColumns, Map<String, Map<String, String>> extras) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        extraColumns.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (InventoryApp app : apps) {
            Map<String, String> row = fields(app);
            row.putAll(extras.getOrDefault(AppOwners.key(app.org(), app.apiName()), Map.of()));
            row.replaceAll((column, value) -> inertInSpreadsheets(value));
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The inventory could not be written as CSV", e);
        }
    }

    public static String json(List<InventoryApp> apps) {
        return json(apps, Map.of());
    }

    private static String json(List<InventoryApp> apps, Map<String, Map<String, String>> extras) {
        ArrayNode out = JSON.createArrayNode();
        for (InventoryApp app : apps) {
            ObjectNode row = out.addObject();
            fields(app).forEach(row::put);
            extras.getOrDefault(AppOwners.key(app.org(), app.apiName()), Map.of()).forEach(row::put);
            try {
                row.set("settings", JSON.readTree(app.settingsJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored settings of " + app.apiName() + " are not JSON", e);
            }
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The inventory could not be written as JSON", e);
        }
    }

    /**
     * A cell starting with =, +, -, @, tab or carriage return is run as a formula when the CSV is opened in a
     * spreadsheet (CSV injection); labels come from chat, so such cells get a leading apostrophe (OWASP's advice).
     */
    static String inertInSpreadsheets(String value) {
        if (value == null || value.isEmpty()) return value;
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static Map<String, String> fields(InventoryApp app) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("org", app.org());
        f.put("api_name", app.apiName());
        f.put("label", app.label());
        f.put("playbook", app.playbookOrUnknown());
        f.put("vendor", app.vendor());
        f.put("requester", app.requester());
        f.put("approver", app.approver());
        f.put("contact_email", app.contactEmail());
        f.put("consumer_key", app.consumerKey());
        f.put("created_at", app.createdAt().toString());
        f.put("status", app.status().label());
        return f;
    }
}
