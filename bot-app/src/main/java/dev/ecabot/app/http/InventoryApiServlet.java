package dev.ecabot.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventoryExport;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.report.InventoryReport;
import dev.ecabot.vault.Secret;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/inventory[?org=name]}: the inventory as JSON for CMDBs and dashboards, read-only: every app with
 * its consumer key (never a secret), settings, owner, posture and last-read usage (described by
 * {@code /api/inventory/openapi.yaml}). Off unless {@code inventory.api.enabled}; callers send
 * {@code Authorization: Bearer <token>}, the token being the environment variable {@code inventory.api.tokenEnv}
 * names; it is compared in constant time and never logged. Other methods answer 405. Thread-safe.
 */
public final class InventoryApiServlet extends HttpServlet {

    public static final String PATH = "/api/inventory";
    public static final String OPENAPI_PATH = PATH + "/openapi.yaml";
    /** Shorter tokens are refused at start: they could be guessed. */
    static final int MIN_TOKEN_LENGTH = 32;
    static final String OPENAPI_RESOURCE = "openapi/inventory-api.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(InventoryApiServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient DataSource db;
    private final transient Secret token;
    private final transient Clock clock;

    InventoryApiServlet(DataSource db, Secret token, Clock clock) {
        this.db = db;
        this.token = token;
        this.clock = clock;
    }

    /**
     * Mounts the endpoint on {@code server} when {@code settings} turn it on; the token must then be set (at least
     * {@value #MIN_TOKEN_LENGTH} characters) or the start fails saying how to fix it. True when mounted.
     */
    public static boolean mount(BotHttpServer server, InventorySettings.Api settings, Map<String, String> env,
                                DataSource db, Clock clock) {
        if (!settings.enabled()) return false;
        String value = env.get(settings.tokenEnv());
        if (value == null || value.strip().length() < MIN_TOKEN_LENGTH) {
            throw new dev.ecabot.settings.error.InvalidSettingException("inventory.api is enabled but " + settings.tokenEnv() + " is "
                    + (value == null || value.isBlank() ? "not set" : "shorter than " + MIN_TOKEN_LENGTH + " characters")
                    + "; set it to a random token (e.g. `openssl rand -hex 32`) or turn inventory.api.enabled off");
        }
        InventoryApiServlet servlet = new InventoryApiServlet(db, Secret.of(value.strip()), clock);
        server.mount(PATH, servlet);
        server.mount(OPENAPI_PATH, new OpenApiServlet());
        return true;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!authorized(req.getHeader("Authorization"))) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"ecabot inventory\"");
            error(resp, 401, "unauthorized", "Send Authorization: Bearer <token> with the token the bot's admins gave you.");
            return;
        }
        String org = req.getParameter("org");
        List<InventoryApp> apps = new InventoryAppRepository(db).all().stream()
                .filter(a -> org == null || org.isBlank() || a.org().equalsIgnoreCase(org.strip())).toList();
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("generated_at", clock.instant().toString());
            body.put("count", apps.size());
            JsonNode rows = JSON.readTree(InventoryExport.write(apps, InventoryExport.Format.JSON, InventoryReport.COLUMNS,
                    new InventoryReport(db, clock).columns(apps)));
            rows.forEach(InventoryApiServlet::typed);
            body.set("apps", rows);
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write(JSON.writeValueAsBytes(body));
        } catch (RuntimeException e) {
            LOG.error("GET {} failed", PATH, e);
            error(resp, 500, "internal_error", "The inventory could not be read; see the bot's log.");
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException, IOException {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET");
            error(resp, 405, "method_not_allowed", "This endpoint is read-only: use GET.");
            return;
        }
        super.service(req, resp);
    }

    /** Numbers, booleans and the rule list as JSON types (the export's columns are text). */
    private static void typed(JsonNode row) {
        ObjectNode o = (ObjectNode) row;
        for (String n : List.of("posture_findings", "posture_high", "usage_users")) {
            JsonNode v = o.get(n);
            if (v != null && v.isTextual()) o.put(n, Integer.parseInt(v.asText()));
        }
        JsonNode unused = o.get("usage_unused");
        if (unused != null && unused.isTextual()) o.put("usage_unused", Boolean.parseBoolean(unused.asText()));
        JsonNode rules = o.get("posture_rules");
        if (rules != null && rules.isTextual()) {
            var array = o.putArray("posture_rules");
            for (String r : rules.asText().split(";")) if (!r.isBlank()) array.add(r);
        }
    }

    /** Constant time whatever the header: both sides are hashed to 32 bytes before comparing. */
    boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(sha256(header.substring(7).strip()), sha256(token.reveal()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void error(HttpServletResponse resp, int status, String code, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(JSON.writeValueAsBytes(Map.of("error", code, "message", message)));
    }

    /** Serves the OpenAPI description of the endpoint (no token needed: it holds no data). */
    static final class OpenApiServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] text = Optional.ofNullable(InventoryApiServlet.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE))
                    .map(in -> {
                        try (in) {
                            return in.readAllBytes();
                        } catch (IOException e) {
                            return null;
                        }
                    }).orElse(null);
            if (text == null) {
                resp.sendError(404);
                return;
            }
            resp.setContentType("application/yaml");
            resp.getOutputStream().write(text);
        }
    }
}
