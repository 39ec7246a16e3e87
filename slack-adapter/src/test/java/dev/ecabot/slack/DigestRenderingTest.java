package dev.ecabot.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.util.json.GsonFactory;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.digest.Digests;
import dev.ecabot.testing.DigestSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The largest digest, rendered for Slack, stays within Block Kit's limits (50 blocks, 3,000 characters a section). */
class DigestRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void theLargestDigestFitsOneSlackMessage() {
        String json = fitsOneMessage(DigestSamples.worstCase());
        assertThat(json).contains("and 115 more");
    }

    @Test
    void theLargestOwnersDigestFitsOneSlackMessage() {
        String json = fitsOneMessage(DigestSamples.worstCaseForOwner());
        assertThat(json).contains("Your ECA apps this week", "Posture findings", "and 355 more", "and 295 more", "and 55 more");
    }

    private String fitsOneMessage(Summary digest) {
        BlockKitRenderer.Rendered r = renderer.render(digest);

        assertThat(r.blocks()).hasSizeLessThanOrEqualTo(50);
        for (LayoutBlock b : r.blocks()) {
            if (b instanceof SectionBlock s) assertThat(s.getText().getText().length()).isLessThanOrEqualTo(3000);
            if (b instanceof ContextBlock c) assertThat(c.getElements()).hasSizeLessThanOrEqualTo(10);
        }
        assertThat(r.text().length()).isLessThanOrEqualTo(3000);
        String json = GsonFactory.createSnakeCase().toJson(r.blocks());
        assertThat(json.length()).isLessThan(40_000);
        return json;
    }

    @Test
    void theDetailButtonsAreButtonsWithinTheirLimits() {
        BlockKitRenderer.Rendered r = renderer.render(Digests.detailButtons("production-emea"));
        ActionsBlock actions = (ActionsBlock) r.blocks().stream().filter(b -> b instanceof ActionsBlock).findFirst().orElseThrow();
        assertThat(actions.getElements()).hasSize(3).allSatisfy(e -> {
            ButtonElement button = (ButtonElement) e;
            assertThat(button.getText().getText().length()).isLessThanOrEqualTo(75);
            assertThat(button.getActionId().length()).isLessThanOrEqualTo(255);
        });
        assertThat(actions.getBlockId().length()).isLessThanOrEqualTo(255);
    }
}
