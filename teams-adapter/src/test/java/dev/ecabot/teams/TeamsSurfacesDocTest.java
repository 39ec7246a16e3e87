package dev.ecabot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/teams.md shows each Teams surface as the JSON the bot sends: every block after a {@code <!-- card: name -->}
 * marker is the card of that name in {@link TeamsCardGallery}, as rendered now. A change to a card fails this test
 * until the docs show it; {@code -Decabot.docs.update=true} rewrites the blocks.
 */
class TeamsSurfacesDocTest {

    private static final Path DOC = Path.of("..", "docs", "teams.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- card: ([^>]+?) -->\\n```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocsShowEachSurfaceAsTheJsonTheBotSendsNow() throws Exception {
        String doc = Files.readString(DOC);
        Map<String, JsonNode> cards = TeamsCardGallery.cards();
        Matcher m = BLOCK.matcher(doc);
        StringBuilder updated = new StringBuilder();
        List<String> shown = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            assertThat(cards).as("docs/teams.md names a card the gallery has").containsKey(name);
            shown.add(name);
            JsonNode now = cards.get(name);
            if (!JSON.readTree(m.group(2)).equals(now)) stale.add(name);
            m.appendReplacement(updated, Matcher.quoteReplacement("<!-- card: " + name + " -->\n```json\n"
                    + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(now) + "\n```"));
        }
        m.appendTail(updated);
        if (Boolean.getBoolean("ecabot.docs.update")) {
            Files.writeString(DOC, updated.toString());
            return;
        }
        assertThat(shown).as("surfaces shown in docs/teams.md").contains("welcome", "form refused, keeping what was typed",
                "answered form", "approval, pending (everyone's view)", "approval, pending (an approver's view)",
                "approval, approved", "reveal offer");
        assertThat(stale).as("cards in docs/teams.md that differ from what the bot sends"
                + " (run with -Decabot.docs.update=true to rewrite them)").isEmpty();
    }
}
