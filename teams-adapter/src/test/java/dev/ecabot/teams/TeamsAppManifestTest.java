package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Teams app package in teams-adapter/manifest: what Teams checks on upload, and that it matches the bot. */
class TeamsAppManifestTest {

    static final Path MANIFEST_DIR = Path.of("manifest");

    @Test
    void theManifestDeclaresAPersonalAndTeamBotWhoseIdIsFilledInAtPackaging() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(MANIFEST_DIR.resolve("manifest.json").toFile());
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.17");
        assertThat(manifest.path("$schema").asText()).endsWith("/v1.17/MicrosoftTeams.schema.json");
        assertThat(manifest.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(manifest.at("/name/short").asText().length()).isLessThanOrEqualTo(30);
        assertThat(manifest.at("/description/short").asText().length()).isLessThanOrEqualTo(80);
        JsonNode bot = manifest.at("/bots/0");
        assertThat(bot.path("botId").asText()).isEqualTo("{{MICROSOFT_APP_ID}}");
        assertThat(bot.path("scopes")).extracting(JsonNode::asText).containsExactly("personal", "team");
        assertThat(bot.at("/commandLists/0/commands")).extracting(c -> c.path("title").asText())
                .containsExactly("help", "new", "status", "cancel", "playbooks", "orgs");
    }

    @Test
    void theIconsHaveTheSizesTeamsRequires() throws Exception {
        BufferedImage color = ImageIO.read(new File(MANIFEST_DIR.resolve("color.png").toString()));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        BufferedImage outline = ImageIO.read(new File(MANIFEST_DIR.resolve("outline.png").toString()));
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                boolean transparent = (argb >>> 24) == 0;
                assertThat(transparent || (argb & 0xFFFFFF) == 0xFFFFFF)
                        .as("the outline icon is white on transparent (pixel %d,%d)", x, y).isTrue();
            }
        }
    }
}
