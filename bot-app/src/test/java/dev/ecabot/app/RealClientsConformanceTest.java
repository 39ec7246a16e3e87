package dev.ecabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecabot.eca.EcaMetadataReader;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.eca.RetrievedEca;
import dev.ecabot.testing.EmulatedOrgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance with real clients: jsforce 3 and the Salesforce CLI, installed from npm into target/conformance-npm
 * (once per build folder; the CLI needs an npm override pinning undici to 7.16.0 on Node 20), run against the
 * emulator with a folder rendered by {@code ecabot render}. Skipped, with the reason printed, when node or npm is
 * missing, the npm registry cannot be reached, or -Decabot.conformance.skip=true is given; never silently.
 */
class RealClientsConformanceTest {

    private static final Path NPM_DIR = Path.of("target", "conformance-npm").toAbsolutePath();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String skipReason;

    private static EmulatedOrgs orgs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void installClients() throws Exception {
        if (Boolean.getBoolean("ecabot.conformance.skip")) {
            skipReason = "-Decabot.conformance.skip=true was given";
        } else if (!runs("node", "--version") || !runs("npm", "--version")) {
            skipReason = "node and npm are not on the PATH";
        } else if (!Files.exists(NPM_DIR.resolve("node_modules/jsforce/package.json"))
                || !Files.exists(NPM_DIR.resolve("node_modules/@salesforce/cli/package.json"))) {
            Files.createDirectories(NPM_DIR);
            Files.writeString(NPM_DIR.resolve("package.json"), """
                    {"name": "ecabot-conformance", "version": "1.0.0", "private": true,
                     "dependencies": {"jsforce": "^3", "@salesforce/cli": "^2"},
                     "overrides": {"undici": "7.16.0"}}
                    """);
            long started = System.nanoTime();
            Result install = run(NPM_DIR, Map.of(), INSTALL_TIMEOUT, "npm", "install", "--no-audit", "--no-fund",
                    "--loglevel=error", "--fetch-retries=1", "--fetch-timeout=60000");
            System.out.println("[conformance] npm install took " + (System.nanoTime() - started) / 1_000_000_000 + " s");
            if (install.code() != 0) {
                skipReason = "npm install of jsforce and @salesforce/cli failed (is the npm registry reachable?): "
                        + tail(install.err());
            }
        }
        if (skipReason != null) {
            System.out.println("[conformance] SKIPPED: " + skipReason);
            return;
        }
        orgs = EmulatedOrgs.start(Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() {
        if (orgs != null) orgs.close();
    }

    private Path rendered() {
        Path out = tmp.resolve("acme");
        CliRun render = CliRun.of(Map.of(), "render", "custom", "--set", "app_name=Acme Sync", "--set",
                "contact_email=ops@acme.example.com", "--set", "callback_urls=https://acme.example.com/cb",
                "--set", "scopes=Api,RefreshToken", "--out", out.toString());
        assertThat(render.exitCode()).as(render.toString()).isZero();
        return out;
    }

    @Test
    void jsforceSignsInDeploysBySoapAndRestRetrievesListsReadsAndQueries() throws Exception {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        Path folder = rendered();
        Path zip = tmp.resolve("acme.zip");
        Files.write(zip, MetadataPackage.fromDirectory(folder).toZip());
        Path script = copyResource("/conformance/jsforce-conformance.js", NPM_DIR.resolve("jsforce-conformance.js"));

        Map<String, String> env = new HashMap<>();
        env.put("BASE_URL", orgs.baseUrl().toString());
        env.put("CLIENT_ID", EmulatedOrgs.CLIENT_ID);
        env.put("CLIENT_SECRET", EmulatedOrgs.CLIENT_SECRET);
        env.put("JWT_ISS", EmulatedOrgs.BOT_CONSUMER_KEY);
        env.put("JWT_SUB", EmulatedOrgs.BOT_USER);
        env.put("JWT_KEY_FILE", EmulatedOrgs.keyFile("bot.key.pem").toString());
        env.put("ZIP_FILE", zip.toString());
        env.put("APP_NAME", "Acme_Sync");
        Result run = run(NPM_DIR, env, Duration.ofMinutes(2), "node", script.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());

        assertThat(out.at("/clientCredentials/hasToken").asBoolean()).isTrue();
        assertThat(out.at("/jwt/hasToken").asBoolean()).isTrue();
        assertThat(out.at("/identity/username").asText()).isEqualTo(EmulatedOrgs.BOT_USER);
        assertThat(out.at("/soapDeploy/status").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/soapDeploy/components").asInt()).isEqualTo(5);
        assertThat(out.at("/restDeploy/status").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/retrieve/status").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/list").toString()).contains("ExternalClientApplication:Acme_Sync",
                "ExtlClntAppGlobalOauthSettings:Acme_Sync_glbloauth", "ExtlClntAppOauthSettings:Acme_Sync_oauth");
        assertThat(out.at("/read/fullName").asText()).isEqualTo("Acme_Sync");
        assertThat(out.at("/read/contactEmail").asText()).isEqualTo("ops@acme.example.com");
        assertThat(out.at("/query/totalSize").asInt()).isEqualTo(1);

        // What comes back is what was rendered (plus the values Salesforce generates, which the reader ignores).
        byte[] retrieved = Base64.getDecoder().decode(out.at("/retrieve/zipBase64").asText());
        List<RetrievedEca> back = new EcaMetadataReader().readZip(retrieved);
        List<RetrievedEca> sent = new EcaMetadataReader().readFolder(folder);
        assertThat(back).hasSize(1);
        assertThat(back.get(0).spec()).isEqualTo(sent.get(0).spec());
        assertThat(back.get(0).consumerKey()).contains(orgs.emulator().org().consumer("Acme_Sync").orElseThrow().key());
    }

    @Test
    void theSalesforceCliSignsInDeploysRetrievesListsAndQueries() throws Exception {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        Path folder = rendered();
        Path home = tmp.resolve("sf-home");
        Files.createDirectories(home);
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());                 // the CLI's auth files stay in the test's folder
        env.put("SF_DISABLE_TELEMETRY", "true");
        env.put("SF_AUTOUPDATE_DISABLE", "true");
        env.put("SF_USE_GENERIC_UNIX_KEYCHAIN", "true");
        env.put("SF_SKIP_NEW_VERSION_CHECK", "true");
        env.put("SF_CONTAINER_MODE", "true");
        // its hooks spawn "sf" by name
        env.put("PATH", NPM_DIR.resolve("node_modules/.bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        String sf = NPM_DIR.resolve("node_modules/.bin/sf").toString();
        String base = orgs.baseUrl().toString();

        Result jwt = run(home, env, Duration.ofMinutes(2), sf, "org", "login", "jwt", "--client-id", EmulatedOrgs.BOT_CONSUMER_KEY,
                "--jwt-key-file", EmulatedOrgs.keyFile("bot.key.pem").toString(), "--username", EmulatedOrgs.BOT_USER,
                "--instance-url", base, "--alias", "emu", "--json");
        assertThat(jwt.code()).as(jwt.out() + jwt.err()).isZero();

        String token = clientCredentialsToken();
        Map<String, String> withToken = new HashMap<>(env);
        withToken.put("SF_ACCESS_TOKEN", token);
        Result accessToken = run(home, withToken, Duration.ofMinutes(2), sf, "org", "login", "access-token",
                "--instance-url", base, "--no-prompt", "--alias", "emu2", "--json");
        assertThat(accessToken.code()).as(accessToken.out() + accessToken.err()).isZero();

        Result soapDeploy = run(home, env, Duration.ofMinutes(2), sf, "project", "deploy", "start", "--metadata-dir",
                folder.toString(), "--target-org", "emu", "--wait", "2", "--json");
        assertThat(soapDeploy.code()).as(soapDeploy.out() + soapDeploy.err()).isZero();
        assertThat(JSON.readTree(soapDeploy.out()).at("/result/status").asText()).isEqualTo("Succeeded");

        long restDeploysBefore = restDeploys();
        Map<String, String> rest = new HashMap<>(env);
        rest.put("SF_ORG_METADATA_REST_DEPLOY", "true");
        Result restDeploy = run(home, rest, Duration.ofMinutes(2), sf, "project", "deploy", "start", "--metadata-dir",
                folder.toString(), "--target-org", "emu", "--wait", "2", "--json");
        assertThat(restDeploy.code()).as(restDeploy.out() + restDeploy.err()).isZero();
        assertThat(restDeploys()).as("the CLI deployed through the REST endpoint").isEqualTo(restDeploysBefore + 1);

        Path back = tmp.resolve("back");
        Result retrieve = run(home, env, Duration.ofMinutes(2), sf, "project", "retrieve", "start", "--target-metadata-dir",
                back.toString(), "--metadata", "ExternalClientApplication:Acme_Sync", "--metadata",
                "ExtlClntAppGlobalOauthSettings:Acme_Sync_glbloauth", "--metadata", "ExtlClntAppOauthSettings:Acme_Sync_oauth",
                "--metadata", "ExtlClntAppOauthConfigurablePolicies:Acme_Sync_oauthPlcy", "--metadata",
                "ExtlClntAppConfigurablePolicies:Acme_Sync_plcy", "--unzip", "--target-org", "emu", "--wait", "2", "--json");
        assertThat(retrieve.code()).as(retrieve.out() + retrieve.err()).isZero();
        assertThat(new EcaMetadataReader().readFolder(back).get(0).spec())
                .isEqualTo(new EcaMetadataReader().readFolder(folder).get(0).spec());

        Result list = run(home, env, Duration.ofMinutes(2), sf, "org", "list", "metadata", "--metadata-type",
                "ExternalClientApplication", "--target-org", "emu", "--json");
        assertThat(list.code()).as(list.out() + list.err()).isZero();
        assertThat(list.out()).contains("Acme_Sync");

        Result query = run(home, env, Duration.ofMinutes(2), sf, "data", "query", "--query",
                "SELECT Id, DeveloperName FROM ExternalClientApplication", "--target-org", "emu", "--json");
        assertThat(query.code()).as(query.out() + query.err()).isZero();
        assertThat(JSON.readTree(query.out()).at("/result/totalSize").asInt()).isEqualTo(1);
    }

    private static long restDeploys() {
        return orgs.emulator().org().calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/metadata/deployRequest")).count();
    }

    private static String clientCredentialsToken() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(orgs.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + EmulatedOrgs.CLIENT_ID + "&client_secret=" + EmulatedOrgs.CLIENT_SECRET)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = RealClientsConformanceTest.class.getResourceAsStream(resource)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    record Result(int code, String out, String err) { }

    private static boolean runs(String... command) {
        try {
            return run(Path.of("."), Map.of(), Duration.ofSeconds(30), command).code() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(Path dir, Map<String, String> env, Duration timeout, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        pb.environment().putAll(env);
        Path outFile = Files.createTempFile("conformance-", ".out");
        Path errFile = Files.createTempFile("conformance-", ".err");
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(124, Files.readString(outFile), "timed out after " + timeout + ": " + Files.readString(errFile));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.onExit();
        }
        Result r = new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8), Files.readString(errFile, StandardCharsets.UTF_8));
        Files.deleteIfExists(outFile);
        Files.deleteIfExists(errFile);
        return r;
    }

    private static String tail(String text) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
    }
}
