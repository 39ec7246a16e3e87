package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bot sends to Teams, checked with Microsoft's own code: every Adaptive Card in {@link TeamsCardGallery} with
 * the real Adaptive Cards library (npm adaptivecards, parse + validateProperties, targeting 1.5, the version Teams
 * renders), and the generated app manifest against the schema its {@code $schema} names, as shipped offline in npm
 * {@code @microsoft/app-manifest}. The packages are installed into target/conformance-npm (once per build folder).
 * Skipped, with the reason printed, when node or npm is missing, the npm registry cannot be reached, or
 * -Decabot.conformance.skip=true is given; never silently.
 */
class TeamsConformanceTest {

    private static final Path NPM_DIR = Path.of("target", "conformance-npm").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String skipReason;

    @BeforeAll
    static void install() throws Exception {
        if (Boolean.getBoolean("ecabot.conformance.skip")) {
            skipReason = "-Decabot.conformance.skip=true was given";
        } else if (!runs("node", "--version") || !runs("npm", "--version")) {
            skipReason = "node and npm are not on the PATH";
        } else if (!Files.exists(NPM_DIR.resolve("node_modules/adaptivecards/package.json"))
                || !Files.exists(NPM_DIR.resolve("node_modules/@microsoft/app-manifest/package.json"))) {
            Files.createDirectories(NPM_DIR);
            Files.writeString(NPM_DIR.resolve("package.json"), """
                    {"name": "ecabot-teams-conformance", "version": "1.0.0", "private": true,
                     "dependencies": {"adaptivecards": "^3.0.6", "@microsoft/app-manifest": "^1.1.2"}}
                    """);
            Result install = run(Duration.ofMinutes(5), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    "--fetch-retries=1", "--fetch-timeout=60000");
            if (install.code() != 0) {
                skipReason = "npm install of adaptivecards and @microsoft/app-manifest failed (is the npm registry"
                        + " reachable?): " + install.err().strip();
            }
        }
        if (skipReason != null) System.out.println("[teams conformance] SKIPPED: " + skipReason);
    }

    @Test
    void everyCardTheBotCanSendIsValidForTheAdaptiveCardsLibraryAtVersion15() throws Exception {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        Map<String, JsonNode> cards = TeamsCardGallery.cards();
        JsonNode problems = check(cards, Map.of()).path("cards");

        assertThat(problems.size()).isEqualTo(cards.size());
        problems.fields().forEachRemaining(card -> assertThat(card.getValue()).as("problems of the card \"%s\": %s",
                card.getKey(), cards.get(card.getKey())).isEmpty());
    }

    @Test
    void theLibraryFlagsWhatTeamsWouldNotShowProperly() throws Exception {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        // the check itself can fail: an unlabelled required drop-down and a card newer than Teams renders
        ObjectNode bad = (ObjectNode) JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.6","body":[{"type":"Input.ChoiceSet","id":"org","isRequired":true,
                 "choices":[{"title":"demo","value":"demo"}]}]}""");
        JsonNode problems = check(Map.of("bad", bad), Map.of()).at("/cards/bad");

        assertThat(problems.toString()).contains("RequiredInputsShouldHaveLabel", "RequiredInputsShouldHaveErrorMessage",
                "UnsupportedCardVersion");
    }

    @Test
    void theGeneratedManifestIsValidForTheSchemaItNames() throws Exception {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        ObjectNode manifest = TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID",
                "9f1c2b3a-4d5e-4f60-8a7b-0c1d2e3f4a5b")).manifest();
        ObjectNode broken = manifest.deepCopy();
        ((ObjectNode) broken.withArray("bots").get(0)).put("botId", "{{MICROSOFT_APP_ID}}");

        JsonNode problems = check(Map.of(), Map.of("generated", manifest, "template as it was zipped before", broken))
                .path("manifests");

        assertThat(problems.path("generated")).as(manifest.toString()).isEmpty();
        assertThat(problems.path("template as it was zipped before").toString()).contains("/bots/0/botId", "pattern");
    }

    private static JsonNode check(Map<String, JsonNode> cards, Map<String, JsonNode> manifests) throws IOException {
        ObjectNode input = JSON.createObjectNode().put("targetVersion", "1.5");
        input.putObject("cards").setAll(cards);
        input.putObject("manifests").setAll(manifests);
        Path in = Files.createTempFile(NPM_DIR, "input-", ".json");
        Path script = NPM_DIR.resolve("teams-conformance.js");
        try (InputStream source = TeamsConformanceTest.class.getResourceAsStream("/conformance/teams-conformance.js")) {
            Files.write(script, source.readAllBytes());
        }
        try {
            Files.writeString(in, input.toString());
            Result run = run(Duration.ofMinutes(1), "node", script.toString(), in.toString());
            assertThat(run.code()).as(run.err()).isZero();
            return JSON.readTree(run.out());
        } finally {
            Files.deleteIfExists(in);
        }
    }

    record Result(int code, String out, String err) { }

    private static boolean runs(String... command) {
        try {
            return run(Duration.ofSeconds(30), command).code() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(Duration timeout, String... command) throws IOException {
        Files.createDirectories(NPM_DIR);
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(NPM_DIR.toFile());
        Path out = Files.createTempFile("teams-conformance-", ".out");
        Path err = Files.createTempFile("teams-conformance-", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(124, "", "timed out after " + timeout);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
