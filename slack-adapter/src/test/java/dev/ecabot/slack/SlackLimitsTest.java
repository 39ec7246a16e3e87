package dev.ecabot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.SectionBlock;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages at and over Slack's Block Kit limits are split or paged when rendered, never refused by Slack. */
class SlackLimitsTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void aSettingLongerThanASectionHoldsIsSplitAcrossSections() {
        String callbacks = String.join(", ", java.util.Collections.nCopies(200, "https://long.example.com/callback"));
        BlockKitRenderer.Rendered r = renderer.render(new Summary("Settings",
                List.of(new Fact("OAuth", "Callback URLs", callbacks)), List.of(), List.of()));

        assertThat(r.blocks()).filteredOn(b -> b instanceof SectionBlock).allSatisfy(b ->
                assertThat(((SectionBlock) b).getText().getText().length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_SECTION_TEXT));
        String shown = String.join("", r.blocks().stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText().getText()).toList());
        assertThat(shown.replaceAll("\\s", "")).contains(callbacks.replaceAll("\\s", ""));
    }

    @Test
    void aConfirmationWithMoreThanFiftyBlocksKeepsItsButtonsAndSaysWhatWasLeftOut() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 120; i++) facts.add(new Fact("Section " + i, "Setting " + i, "x".repeat(2_000)));
        BlockKitRenderer.Rendered r = renderer.render(new Confirmation("confirm",
                new Summary("Please check", facts, List.of(), List.of()), "Create it", "Cancel"));

        assertThat(r.blocks()).hasSizeLessThanOrEqualTo(BlockKitRenderer.MAX_BLOCKS);
        assertThat(r.blocks().get(r.blocks().size() - 1)).isInstanceOf(ActionsBlock.class);
        assertThat(r.blocks().toString()).contains("more parts not shown here");
    }

    @Test
    void exactlyAtTheLimitNothingIsCut() {
        String text = "y".repeat(BlockKitRenderer.MAX_SECTION_TEXT);
        assertThat(BlockKitRenderer.pieces(text, BlockKitRenderer.MAX_SECTION_TEXT)).containsExactly(text);
        assertThat(BlockKitRenderer.pieces(text + "z", BlockKitRenderer.MAX_SECTION_TEXT)).hasSize(2);
    }

    @Test
    void aReasonWithSlackMarkupIsShownAsWordsInTheApproversCard() {
        BlockKitRenderer.Rendered r = renderer.render(new ApprovalCard("r1", "Vonage Prod", "prod", "vonage",
                List.of(new Fact(null, "Description", "<https://evil.example|click me> [link](https://evil.example)")),
                "slack:U1", "<!channel> urgent", Instant.parse("2030-01-01T00:00:00Z"), "0123456789abcdef",
                ApprovalCard.Status.PENDING, null, null, null));

        assertThat(r.blocks().toString()).doesNotContain("<https://evil.example|").doesNotContain("<!channel>");
    }
}
