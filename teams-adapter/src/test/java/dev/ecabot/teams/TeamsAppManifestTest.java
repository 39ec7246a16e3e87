package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Teams app package a deployment generates (TeamsAppPackage): what Teams checks on upload, and that it matches the
 * bot. (TeamsConformanceTest validates it against the manifest schema itself.)
 */
class TeamsAppManifestTest {

    static final String BOT = "9f1c2b3a-4d5e-4f60-8a7b-0c1d2e3f4a5b";
    static final String OTHER_BOT = "0a0b0c0d-1111-4222-8333-444455556666";

    @Test
    void theManifestDeclaresThisDeploymentsBotInPersonalTeamAndGroupChats() {
        JsonNode manifest = TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", BOT)).manifest();
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.17");
        assertThat(manifest.path("$schema").asText()).endsWith("/v1.17/MicrosoftTeams.schema.json");
        assertThat(manifest.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(manifest.at("/name/short").asText().length()).isLessThanOrEqualTo(30);
        assertThat(manifest.at("/description/short").asText().length()).isLessThanOrEqualTo(80);
        JsonNode bot = manifest.at("/bots/0");
        assertThat(bot.path("botId").asText()).isEqualTo(BOT);
        assertThat(bot.path("scopes")).extracting(JsonNode::asText).containsExactly("personal", "team", "groupChat");
        assertThat(manifest.toString()).doesNotContain("{{");
    }

    @Test
    void everyScopeHasItsCommandListWithinTeamsLimits() {
        JsonNode lists = TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", BOT)).manifest().at("/bots/0/commandLists");
        List<String> scopes = new java.util.ArrayList<>();
        lists.forEach(list -> list.path("scopes").forEach(s -> scopes.add(s.asText())));
        assertThat(scopes).containsExactlyInAnyOrder("personal", "team", "groupChat");
        lists.forEach(list -> {
            assertThat(list.path("commands").size()).as("Teams shows at most 10 commands per scope").isBetween(1, 10);
            assertThat(list.path("commands").get(0).path("title").asText()).as("help lists the rest").isEqualTo("help");
        });
        assertThat(lists.get(0).path("commands")).extracting(c -> c.path("title").asText())
                .contains("new", "status", "cancel", "playbooks", "orgs", "inventory", "show", "reveal", "reminders");
        assertThat(lists.get(1).path("commands")).extracting(c -> c.path("title").asText()).contains("approve", "deny");
    }

    @Test
    void twoDeploymentsInOneTenantGetDifferentAppIdsAndEachKeepsItsOwn() {
        String first = TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", BOT)).manifestId();
        String again = TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", BOT)).manifestId();
        String other = TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", OTHER_BOT)).manifestId();

        assertThat(first).as("an upgrade replaces the app rather than adding a second").isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).isNotEqualTo(BOT).isNotEqualTo("5d0f3c5e-8b1a-4f7e-9c2d-ecab07000001");
    }

    @Test
    void anAppIdAndNameCanBeSetAndBadSettingsAreRefusedSayingWhich() {
        Map<String, String> env = new HashMap<>(Map.of("MICROSOFT_APP_ID", BOT,
                "TEAMS_APP_ID", "12345678-1234-4234-8234-123456789abc", "TEAMS_APP_NAME", "ECA bot (test)"));
        JsonNode manifest = TeamsAppPackage.fromEnvironment(env).manifest();
        assertThat(manifest.path("id").asText()).isEqualTo("12345678-1234-4234-8234-123456789abc");
        assertThat(manifest.at("/name/short").asText()).isEqualTo("ECA bot (test)");

        assertThatThrownBy(() -> TeamsAppPackage.fromEnvironment(Map.of())).hasMessageContaining("MICROSOFT_APP_ID is not set");
        assertThatThrownBy(() -> TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", "my-bot")))
                .hasMessageContaining("MICROSOFT_APP_ID must be a GUID");
        env.put("TEAMS_APP_NAME", "A name far longer than Teams allows");
        assertThatThrownBy(() -> TeamsAppPackage.fromEnvironment(env)).hasMessageContaining("TEAMS_APP_NAME is 35 characters");
    }

    @Test
    void theZipHoldsTheManifestAndIconsOfTheSizesTeamsRequiresAtItsRoot() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                TeamsAppPackage.fromEnvironment(Map.of("MICROSOFT_APP_ID", BOT)).zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) files.put(e.getName(), zip.readAllBytes());
        }
        assertThat(files).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        assertThat(new ObjectMapper().readTree(files.get("manifest.json")).at("/bots/0/botId").asText()).isEqualTo(BOT);
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(files.get("color.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(files.get("outline.png")));
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
