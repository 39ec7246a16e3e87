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
}
