package dev.ecabot.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.SectionBlock;
import dev.ecabot.conversation.message.FileMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An inventory export in Slack: shown preformatted in the message, cut at a line when too long for a block. */
class FileRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void aShortFileIsShownWhole() {
        BlockKitRenderer.Rendered r = renderer.render(new FileMessage("inventory.csv", "text/csv",
                "org,label\ndemo,\"A & B\"\n", "Inventory export: 1 app"));

        assertThat(r.text()).isEqualTo("Inventory export: 1 app");
        assertThat(((SectionBlock) r.blocks().get(1)).getText().getText()).isEqualTo("```org,label\ndemo,\"A &amp; B\"\n```");
        assertThat(r.blocks()).hasSize(2);
    }

    @Test
    void aLongFileIsCutAtALineWithANoteOnGettingTheWholeFile() {
        String line = "demo,Some_App,3MVG9" + "x".repeat(80) + "\n";
        BlockKitRenderer.Rendered r = renderer.render(new FileMessage("inventory.csv", "text/csv", line.repeat(100), ""));

        String shown = ((SectionBlock) r.blocks().get(1)).getText().getText();
        assertThat(shown.length()).isLessThanOrEqualTo(3000);
        assertThat(shown).endsWith("x```");
        assertThat(((ContextBlock) r.blocks().get(2)).getElements().toString()).contains("ecabot export");
    }

    @Test
    void aLongRenderedMetadataFilePointsToTheCommandLineThatWritesItWhole() {
        String line = "    <callbackUrl>https://example.com/" + "x".repeat(80) + "</callbackUrl>\n";
        BlockKitRenderer.Rendered r = renderer.render(new FileMessage("extlClntAppGlobalOauthSets/A.ecaGlblOauth",
                "application/xml", line.repeat(60), "File 2 of 6", "`ecabot render custom --out <dir>` writes every file whole."));

        assertThat(r.blocks().stream().filter(b -> b instanceof ContextBlock).findFirst().orElseThrow().toString())
                .contains("Only the first lines fit", "ecabot render custom --out <dir>").doesNotContain("ecabot export");
    }
}
