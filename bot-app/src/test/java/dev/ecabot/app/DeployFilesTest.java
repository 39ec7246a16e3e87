package dev.ecabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecabot.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped deploy/ files stay in step with the bot: the sample configuration loads, the manifests parse. */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void theSampleConfigurationLoads(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("ecabot-jwt.key"), "-----BEGIN PRIVATE KEY-----\n");
        Path config = Files.writeString(dir.resolve("ecabot.yaml"), Files.readString(DEPLOY.resolve("ecabot.yaml"))
                .replace("/config/ecabot-jwt.key", key.toString()));
        var loaded = ConfigLoader.load(config);
        assertThat(loaded.org("prod")).isPresent();
        assertThat(loaded.section("roles")).isPresent();
    }

    @Test
    void theComposeFileRunsTwoReadOnlyNonRootBotsOnPostgresBehindAProxy() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("compose.yaml").toFile());
        assertThat(compose.get("services").fieldNames()).toIterable().contains("postgres", "bot-1", "bot-2", "proxy");
        JsonNode bot = compose.get("x-bot");
        assertThat(bot.get("read_only").asBoolean()).isTrue();
        assertThat(bot.get("user").asText()).isEqualTo("65532:65532");
        assertThat(bot.get("environment").get("ECABOT_MASTER_KEY").asText()).startsWith("${ECABOT_MASTER_KEY");
    }

    @Test
    void theKubernetesManifestProbesAndTakesSecretsByReference() throws Exception {
        String manifest = Files.readString(DEPLOY.resolve("kubernetes").resolve("ecabot.yaml"));
        assertThat(manifest).contains("path: /readyz", "path: /healthz", "readOnlyRootFilesystem: true",
                "secretKeyRef: { name: ecabot, key: ECABOT_MASTER_KEY }", "secretKeyRef: { name: ecabot, key: SLACK_SIGNING_SECRET");
        for (JsonNode doc : new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .<JsonNode>readValues(manifest).readAll()) {
            assertThat(doc.get("kind")).isNotNull();
        }
    }
}
