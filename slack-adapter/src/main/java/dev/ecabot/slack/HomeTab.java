package dev.ecabot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.ecabot.conversation.home.HomeView;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.Summary;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

/**
 * The App Home tab ({@code views.publish}): a "New app" button, then the person's apps, the approval requests waiting
 * for them, the secrets they can still reveal and their reminders. Approval cards and reveal offers are the very
 * blocks of the messages, with the same buttons (their block ids made unique on the tab, see {@link ActionIds});
 * within a Home tab's 100 blocks. Stateless and thread-safe.
 */
final class HomeTab {

    private final BlockKitRenderer renderer;

    HomeTab(BlockKitRenderer renderer) {
        this.renderer = renderer;
    }

    View render(HomeView home) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(actions("home-actions", List.of(button(b -> b.actionId(ActionIds.NEW_APP_ACTION)
                .text(plainText("New app")).value("new").style("primary")))));
        if (!home.approvals().isEmpty()) {
            blocks.add(header(h -> h.text(plainText("Waiting for your approval (" + home.approvals().size() + ")"))));
            for (ApprovalCard card : home.approvals()) {
                blocks.addAll(unique(renderer.render(card).blocks(), blocks.size()));
                blocks.add(divider());
            }
        }
        if (!home.offers().isEmpty()) {
            blocks.add(header(h -> h.text(plainText("Credentials to reveal"))));
            for (RevealOffer offer : home.offers()) blocks.addAll(unique(renderer.render(offer).blocks(), blocks.size()));
        }
        blocks.add(header(h -> h.text(plainText("Your apps"))));
        if (home.apps().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("You have not asked for an app yet: press *New app*, or say "
                    + "`new` in our messages."))));
        } else {
            blocks.addAll(renderer.render(new Summary("Newest first; say \"show <api-name>\" for one app's details",
                    home.apps(), List.of(), List.of())).blocks());
            if (home.moreApps() > 0) {
                blocks.add(context(List.of(markdownText("… and " + home.moreApps() + " more: say `inventory` to list them."))));
            }
        }
        if (!home.reminders().isEmpty()) {
            blocks.add(header(h -> h.text(plainText("Your reminders"))));
            blocks.addAll(renderer.render(new Summary("Soonest first", home.reminders(), List.of(), List.of())).blocks());
        }
        List<LayoutBlock> fitted = ModalViews.fitModal(blocks);
        return view(v -> v.type("home").callbackId("ecabot-home").blocks(fitted));
    }

    /** The blocks of a message placed on the tab: its buttons' block ids made unique there. */
    private static List<LayoutBlock> unique(List<LayoutBlock> blocks, int position) {
        List<LayoutBlock> out = new ArrayList<>();
        int n = position;
        for (LayoutBlock block : blocks) {
            if (block instanceof ActionsBlock a && a.getBlockId() != null) {
                List<BlockElement> elements = a.getElements();
                out.add(actions(ActionIds.onHome(a.getBlockId(), n++), elements));
            } else {
                out.add(block);
            }
        }
        return out;
    }
}
