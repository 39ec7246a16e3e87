package dev.ecabot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.ecabot.conversation.message.HomeView;
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

    /** A Home tab holds at most this many blocks (Slack refuses the view above it). */
    static final int MAX_HOME_BLOCKS = 100;

    View render(HomeView home) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(actions("home-actions", List.of(button(b -> b.actionId(ActionIds.NEW_APP_ACTION)
                .text(plainText("New app")).value("new").style("primary")))));
        int waiting = home.approvalsFrom() + home.approvals().size() + home.moreApprovals();
        if (waiting > 0) {
            blocks.add(header(h -> h.text(plainText("Waiting for your approval (" + waiting + ")"))));
            if (home.approvals().size() < waiting) {
                int first = home.approvalsFrom() + 1;
                int last = home.approvalsFrom() + home.approvals().size();
                blocks.add(context(List.of(markdownText("Requests " + first + "-" + last + " of " + waiting
                        + ", oldest first"))));
            }
            for (ApprovalCard card : home.approvals()) {
                blocks.addAll(unique(renderer.render(card).blocks(), blocks.size()));
                blocks.add(divider());
            }
            pager(blocks, "home-approvals", home.moreApprovals(), "More requests",
                    home.appsFrom() + ":" + (home.approvalsFrom() + home.approvals().size()),
                    home.approvalsFrom() > 0 ? home.appsFrom() + ":0" : null);
        }
        if (!home.offers().isEmpty()) {
            blocks.add(header(h -> h.text(plainText("Credentials to reveal"))));
            for (RevealOffer offer : home.offers()) blocks.addAll(unique(renderer.render(offer).blocks(), blocks.size()));
        }
        blocks.add(header(h -> h.text(plainText("Your apps"))));
        if (home.apps().isEmpty() && home.appsFrom() == 0) {
            blocks.add(section(s -> s.text(markdownText("You have not asked for an app yet: press *New app*, or say "
                    + "`new` in our messages."))));
        } else {
            int total = home.appsFrom() + home.apps().size() + home.moreApps();
            String title = total > home.apps().size()
                    ? "Newest first, " + (home.appsFrom() + 1) + "-" + (home.appsFrom() + home.apps().size()) + " of "
                    + total + "; say \"show <api-name>\" for one app's details"
                    : "Newest first; say \"show <api-name>\" for one app's details";
            blocks.addAll(renderer.render(new Summary(title, home.apps(), List.of(), List.of())).blocks());
            pager(blocks, "home-apps", home.moreApps(), "More apps",
                    (home.appsFrom() + home.apps().size()) + ":" + home.approvalsFrom(),
                    home.appsFrom() > 0 ? "0:" + home.approvalsFrom() : null);
        }
        if (!home.reminders().isEmpty()) {
            blocks.add(header(h -> h.text(plainText("Your reminders"))));
            blocks.addAll(renderer.render(new Summary("Soonest first", home.reminders(), List.of(), List.of())).blocks());
        }
        List<LayoutBlock> fitted = fit(blocks);
        return view(v -> v.type("home").callbackId("ecabot-home").blocks(fitted));
    }

    /**
     * "More ..." (the next page: {@code next} is "appsFrom:approvalsFrom") and "Back to the newest"/"first" (to
     * {@code back}, when not on the first page) under a list; nothing when the list is whole.
     */
    private static void pager(List<LayoutBlock> blocks, String blockId, int more, String label, String next, String back) {
        List<BlockElement> buttons = new ArrayList<>();
        if (more > 0) {
            buttons.add(button(b -> b.actionId(ActionIds.HOME_PAGE).text(plainText(label + " (" + more + " left)"))
                    .value(next)));
        }
        if (back != null) {
            buttons.add(button(b -> b.actionId(ActionIds.HOME_PAGE + "-back").text(plainText("Back to the start"))
                    .value(back)));
        }
        if (!buttons.isEmpty()) blocks.add(actions(blockId, buttons));
    }

    /**
     * The tab within Slack's 100 blocks: long sections split and clipped as in messages; should it still be over, the
     * end is left out, saying where the rest is.
     */
    static List<LayoutBlock> fit(List<LayoutBlock> blocks) {
        List<LayoutBlock> fitted = BlockKitRenderer.splitLongSections(blocks);
        BlockKitRenderer.clip(fitted);
        if (fitted.size() <= MAX_HOME_BLOCKS) return fitted;
        List<LayoutBlock> kept = new ArrayList<>(fitted.subList(0, MAX_HOME_BLOCKS - 1));
        kept.add(context(List.of(markdownText("The rest does not fit on this tab: say `approve`, `reveal` or "
                + "`inventory` in our messages to see everything."))));
        return kept;
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
