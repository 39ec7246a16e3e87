package dev.ecabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ecabot teams-package}: the zip an admin uploads to Teams, for this deployment. */
class TeamsPackageCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheAppPackageForThisDeploymentsBot() throws Exception {
        Path zip = tmp.resolve("out/ecabot-teams.zip");
        CliRun run = CliRun.of(Map.of("MICROSOFT_APP_ID", "9f1c2b3a-4d5e-4f60-8a7b-0c1d2e3f4a5b"),
                "teams-package", "--out", zip.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Wrote ", "Upload it in Teams");
        JsonNode manifest = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("manifest.json")) manifest = new ObjectMapper().readTree(in.readAllBytes());
            }
        }
        assertThat(manifest).isNotNull();
        assertThat(manifest.at("/bots/0/botId").asText()).isEqualTo("9f1c2b3a-4d5e-4f60-8a7b-0c1d2e3f4a5b");
        assertThat(run.out()).contains(manifest.path("id").asText());
    }

    @Test
    void withoutTheBotsAppIdItSaysWhatIsMissing() {
        CliRun run = CliRun.of(Map.of(), "teams-package", "--out", tmp.resolve("x.zip").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("MICROSOFT_APP_ID is not set");
        assertThat(tmp.resolve("x.zip")).doesNotExist();
    }
}
