package dev.ecabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.eca.TrustedIpRange;
import dev.ecabot.emulator.DemoOrg;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract between bot-core's metadata writer and the emulator's deploy validation: what the bot writes deploys,
 * and the bot's deletion package removes the app. (The emulator is independent of bot-core, so this meets here.)
 */
class WriterPackagesDeployToEmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final EcaMetadataWriter writer = new EcaMetadataWriter();
    private DemoOrg org;
    private String token;

    @BeforeEach
    void startDemoOrg() throws Exception {
        org = DemoOrg.start("127.0.0.1", 0, Duration.ZERO);
        String form = "grant_type=client_credentials&client_id=" + org.clientId() + "&client_secret=" + org.clientSecret();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(reply.body()).get("access_token").asText();
    }

    @AfterEach
    void stopDemoOrg() {
        org.close();
    }

    @Test
    void aMinimalAppWrittenByTheBotDeploys() throws Exception {
        EcaSpec spec = new EcaSpec(AppInfo.local("Minimal_App", "Minimal App", "owner@example.com"),
                GlobalOauthSettings.defaults(List.of("https://minimal.example.com/callback")),
                OauthSettings.of(List.of(OauthScope.API)), OauthPolicies.defaults());

        JsonNode result = deploy(writer.writeZip(spec), "{\"singlePackage\":true}");

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("Succeeded");
        assertThat(org.emulator().org().companionsOf("Minimal_App")).hasSize(4);
        assertThat(org.emulator().org().consumer("Minimal_App")).isPresent();
    }

    @Test
    void anMcpAppWithEverySettingTheBotWritesDeploysAndItsDeletionPackageRemovesIt() throws Exception {
        EcaSpec spec = new EcaSpec(
                new AppInfo("Hosted_MCP_Client", "Hosted MCP Client", "mcp-admins@example.com", "+31 20 555 0100",
                        "MCP servers for Claude & Cursor <internal>", null, null, null),
                GlobalOauthSettings.builder()
                        .callbackUrls("https://claude.ai/api/mcp/auth_callback", "http://localhost:8675/callback")
                        .secretRequiredForRefreshToken(false).refreshTokenRotationEnabled(true).build(),
                new OauthSettings(List.of(OauthScope.MCP, OauthScope.REFRESH_TOKEN),
                        List.of(new TrustedIpRange("160.79.104.0", "160.79.104.255", "Anthropic egress")),
                        "https://mcp.example.com/logout"),
                OauthPolicies.builder().permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED)
                        .permissionSets("MCP_Users").ipRelaxation(IpRelaxation.ENFORCE_RELAX_REFRESH)
                        .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS).build());

        JsonNode deployed = deploy(writer.writeZip(spec), "{}");
        JsonNode deleted = deploy(writer.deletion("Hosted_MCP_Client").toZip(), "{\"ignoreWarnings\":true}");

        assertThat(deployed.get("status").asText()).as(deployed.toString()).isEqualTo("Succeeded");
        assertThat(deleted.get("status").asText()).as(deleted.toString()).isEqualTo("Succeeded");
        assertThat(org.emulator().org().apps()).isEmpty();
    }

    private JsonNode deploy(byte[] zip, String options) throws Exception {
        String boundary = "ecabot-contract-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"deployOptions\":" + options + "}\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"deploy.zip\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String base = org.emulator().baseUrl() + "/services/data/v68.0/metadata/deployRequest";
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String url = base + "/" + JSON.readTree(accepted.body()).get("id").asText() + "?includeDetails=true";
        AtomicReference<JsonNode> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            result.set(JSON.readTree(status.body()).get("deployResult"));
            return result.get().get("done").asBoolean();
        });
        return result.get();
    }
}
