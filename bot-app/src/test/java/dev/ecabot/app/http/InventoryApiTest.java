package dev.ecabot.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /api/inventory}: off by default, bearer token required, read-only, and as its OpenAPI file describes. */
class InventoryApiTest {

    private static final String TOKEN = "t0ken-for-tests-only-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:12:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private BotHttpServer server;

    @BeforeEach
    void anInventoryWithTwoOrgs() {
        db = Database.inMemory("api-" + UUID.randomUUID());
        save("demo", "Vonage_Prod");
        save("prod", "Harbor_Sync");
    }

    @AfterEach
    void close() throws Exception {
        if (server != null) server.close();
        db.close();
    }

    @Test
    void withTheTokenItAnswersEveryAppWithPostureAndUsageColumnsAndNeverASecret() throws Exception {
        start(new InventorySettings.Api(true, "ECABOT_API_TOKEN"));
        HttpResponse<String> r = get("/api/inventory", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("generated_at").asText()).isEqualTo("2026-03-02T10:12:00Z");
        JsonNode app = body.get("apps").get(0);
        assertThat(app.get("api_name").asText()).isEqualTo("Vonage_Prod");
        assertThat(app.get("owner").asText()).isEqualTo("slack:U1");
        assertThat(app.get("posture_findings").isInt()).isTrue();
        assertThat(app.get("posture_rules").isArray()).isTrue();
        assertThat(app.get("posture_rules").toString()).contains("refresh-token-long"); // silent: SpecificLifetime 365 days
        assertThat(app.get("usage_read_at").isNull()).isTrue();
        assertThat(r.body()).doesNotContainIgnoringCase("secret\":");

        JsonNode prod = JSON.readTree(get("/api/inventory?org=PROD", "Bearer " + TOKEN).body());
        assertThat(prod.get("apps")).singleElement().satisfies(a -> assertThat(a.get("org").asText()).isEqualTo("prod"));
    }

    @Test
    void withoutOrWithAWrongTokenItRefusesAndItIsReadOnly() throws Exception {
        start(new InventorySettings.Api(true, "ECABOT_API_TOKEN"));
        HttpResponse<String> none = get("/api/inventory", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(get("/api/inventory", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(get("/api/inventory", "Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(none.body()).doesNotContain("Vonage_Prod");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/inventory"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void offByDefaultAndRefusedToStartWithoutAStrongToken() throws Exception {
        start(InventorySettings.defaults().api());
        assertThat(get("/api/inventory", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> InventoryApiServlet.mount(new BotHttpServer(0), new InventorySettings.Api(true, "MY_TOKEN"),
                Map.of("MY_TOKEN", "short"), db.dataSource(), clock))
                .hasMessageContaining("MY_TOKEN is shorter than 32 characters").hasMessageContaining("openssl rand -hex 32");
        assertThatThrownBy(() -> InventoryApiServlet.mount(new BotHttpServer(0), new InventorySettings.Api(true, "MY_TOKEN"),
                Map.of(), db.dataSource(), clock)).hasMessageContaining("MY_TOKEN is not set");
    }

    @Test
    void theOpenApiDescriptionIsServedAndNamesEveryFieldTheEndpointAnswers() throws Exception {
        start(new InventorySettings.Api(true, "ECABOT_API_TOKEN"));
        HttpResponse<String> spec = get("/api/inventory/openapi.yaml", null);
        assertThat(spec.statusCode()).isEqualTo(200);
        JsonNode openapi = new ObjectMapper(new YAMLFactory()).readTree(spec.body());
        assertThat(openapi.at("/paths/~1api~1inventory/get/security/0").has("bearerToken")).isTrue();
        JsonNode described = openapi.at("/components/schemas/App/properties");
        JsonNode app = JSON.readTree(get("/api/inventory", "Bearer " + TOKEN).body()).get("apps").get(0);
        List<String> answered = new ArrayList<>();
        app.fieldNames().forEachRemaining(answered::add);
        assertThat(answered).allSatisfy(f -> assertThat(described.has(f)).as("documented: " + f).isTrue());
        List<String> top = new ArrayList<>();
        JSON.readTree(get("/api/inventory", "Bearer " + TOKEN).body()).fieldNames().forEachRemaining(top::add);
        assertThat(top).allSatisfy(f -> assertThat(openapi.at("/components/schemas/Inventory/properties").has(f)).isTrue());
    }

    private void start(InventorySettings.Api api) throws Exception {
        server = new BotHttpServer(0);
        InventoryApiServlet.mount(server, api, Map.of("ECABOT_API_TOKEN", TOKEN), db.dataSource(), clock);
        server.start();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path));
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void save(String org, String apiName) {
        EcaSpec spec = new EcaSpec(AppInfo.local(apiName, apiName, "ops@example.com"),
                GlobalOauthSettings.defaults(List.of("https://vendor.example.com/cb")),
                OauthSettings.of(List.of(OauthScope.API, OauthScope.REFRESH_TOKEN)), OauthPolicies.defaults());
        new InventoryAppRepository(db.dataSource()).save(new InventoryApp(null, org, apiName, apiName, null, "custom", null,
                "slack:U1", null, null, "3MVG9KEY" + apiName, Instant.parse("2026-03-01T09:00:00Z"), SettingsJson.write(spec),
                AppStatus.ACTIVE));
    }
}
