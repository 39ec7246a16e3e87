package dev.ecabot.inventory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        return write(format, extraColumns, sink -> apps.forEach(app ->
                sink.add(app, extras.getOrDefault(AppOwners.key(app.org(), app.apiName()), Map.of()))));
    }

    /** Takes the export's rows one at a time. */
    public interface Sink {
        /** Writes {@code app} with its values of the extra columns (absent ones stay empty). */
        void add(InventoryApp app, Map<String, String> extras);
    }

    /**
     * The export of the apps {@code rows} hands to its sink, each written as it comes (Jackson's streaming
     * generators: no tree, no list of rows), so only the text of the file is held, never the apps.
     */
    public static String write(Format format, List<String> extraColumns, java.util.function.Consumer<Sink> rows) {
        TextOut out = new TextOut();
        try {
            if (format == Format.CSV) {
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                COLUMNS.forEach(schema::addColumn);
                extraColumns.forEach(schema::addColumn);
                try (SequenceWriter csv = CSV.writer(schema.build()).writeValues(out)) {
                    rows.accept((app, extras) -> {
                        Map<String, String> row = fields(app);
                        row.putAll(extras);
                        row.replaceAll((column, value) -> inertInSpreadsheets(value));
                        unchecked(() -> csv.write(row));
                    });
                }
            } else {
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.writeStartArray();
                    PrettySettings settings = new PrettySettings();
                    rows.accept((app, extras) -> unchecked(() -> writeJson(json, app, extras, settings)));
                    json.writeEndArray();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("The inventory could not be written as " + format.extension(), e);
        }
        return out.toString();
    }

    public static String csv(List<InventoryApp> apps) {
        return write(apps, Format.CSV);
    }

    public static String json(List<InventoryApp> apps) {
        return write(apps, Format.JSON);
    }

    /** One app as a JSON object: its fields, the extras, and its stored settings as {@code settings} renders them. */
    private static void writeJson(JsonGenerator json, InventoryApp app, Map<String, String> extras,
                                  PrettySettings settings) throws IOException {
        json.writeStartObject();
        for (var field : fields(app).entrySet()) json.writeStringField(field.getKey(), field.getValue());
        for (var extra : extras.entrySet()) json.writeStringField(extra.getKey(), extra.getValue());
        json.writeFieldName("settings");
        json.writeRawValue(settings.of(app));
        json.writeEndObject();
    }

    /**
     * Each app's stored settings as the export's generator would print them where they go (the value of an app's
     * {@code settings}, two levels deep), rendered once per distinct settings text: apps made from one playbook
     * share them, and parsing and pretty-printing every app's settings token by token was most of a JSON export of
     * 100,000 apps (issue 14's profile: ~60 % of its CPU). Remembers at most {@value #REMEMBERED}; one per export.
     */
    static final class PrettySettings {
        static final int REMEMBERED = 1_000;
        private final String separator;
        private final Map<String, String> rendered = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > REMEMBERED;
            }
        };

        PrettySettings() {
            // What the generator writes between a field's name and its value (" : " when pretty-printing).
            String nullValue = render(g -> g.writeNull());
            separator = nullValue.substring(0, nullValue.length() - "null".length());
        }

        /** The last settings rendered, and how: apps in a row often share them, and equals is cheaper than hashing. */
        private String lastText;
        private String lastRendered;

        String of(InventoryApp app) {
            if (app.settingsJson().equals(lastText)) return lastRendered;
            String known = rendered.get(app.settingsJson());
            if (known != null) return remember(app.settingsJson(), known);
            String text;
            try {
                text = render(g -> {
                    try (JsonParser parser = JSON.createParser(app.settingsJson())) {
                        parser.nextToken();
                        g.copyCurrentStructure(parser);
                    }
                }).substring(separator.length());
            } catch (UncheckedIOException e) {
                throw new IllegalStateException("Stored settings of " + app.apiName() + " are not JSON", e.getCause());
            }
            rendered.put(app.settingsJson(), text);
            return remember(app.settingsJson(), text);
        }

        private String remember(String settings, String text) {
            lastText = settings;
            lastRendered = text;
            return text;
        }

        /** What {@code value} writes as the value of a field of an object in the export's array. */
        private static String render(GeneratorWork value) {
            TextOut out = new TextOut();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartArray();
                g.writeStartObject();
                g.writeFieldName("settings");
                g.flush();
                int start = out.length();
                value.write(g);
                g.flush();
                return out.toString().substring(start);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface GeneratorWork {
            void write(JsonGenerator g) throws IOException;
        }
    }

    /** A {@link java.io.Writer} into a StringBuilder: StringWriter's StringBuffer locks on every write. */
    private static final class TextOut extends java.io.Writer {
        private final StringBuilder text = new StringBuilder(1 << 16);

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            text.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        int length() {
            return text.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private static void unchecked(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
