package dev.ecabot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.SecretReveal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.emailTextInput;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The bot's modals: a form (one input block per field, block_id = field id, so Slack shows a validation error
 * beside its field), and the credential window: "Revealing..." while the vault answers, then the secret itself,
 * which lives only in the modal (Slack keeps no history of modal content). Stateless and thread-safe.
 */
final class ModalViews {

    static final String VALUE_ACTION = "value";
    private static final int MODAL_TITLE_MAX = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form modal's private_metadata: which form, and where its conversation goes on. */
    static String metadata(String formId, ChatPlace place) {
        return metadata(formId, place, null);
    }

    /** As above, with the ts of the "Fill in" message the modal opened from (closed with the answers once accepted). */
    static String metadata(String formId, ChatPlace place, String messageTs) {
        ObjectNode meta = JSON.createObjectNode().put("form", formId).put("channel", place.channelId());
        if (place.threadKey() != null) meta.put("thread", place.threadKey());
        if (messageTs != null) meta.put("message", messageTs);
        return meta.toString();
    }

    View form(FormPrompt form, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (form.title().length() > MODAL_TITLE_MAX) {
            // A modal's title holds 24 characters: a longer question (e.g. why a request is denied) is shown whole above.
            blocks.add(section(s -> s.text(markdownText(BlockKitRenderer.escape(form.title())))));
        }
        for (FormField field : form.fields()) blocks.add(inputFor(field));
        List<LayoutBlock> fitted = fitModal(blocks);
        return view(v -> v.type("modal").callbackId(ActionIds.FORM_CALLBACK).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text(BlockKitRenderer.limit(form.title(), MODAL_TITLE_MAX))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(fitted));
    }

    /** Slack's limit of blocks in one modal. */
    static final int MAX_MODAL_BLOCKS = 100;

    /**
     * A modal's blocks within Slack's limits (views.open would refuse the whole window otherwise): long sections
     * split, over-long texts shortened, and at most 100 blocks, the last saying how many did not fit.
     */
    static List<LayoutBlock> fitModal(List<LayoutBlock> blocks) {
        List<LayoutBlock> fitted = BlockKitRenderer.splitLongSections(blocks);
        BlockKitRenderer.clip(fitted);
        if (fitted.size() <= MAX_MODAL_BLOCKS) return fitted;
        List<LayoutBlock> kept = new ArrayList<>(fitted.subList(0, MAX_MODAL_BLOCKS - 1));
        int left = fitted.size() - kept.size();
        kept.add(context(List.of(markdownText("... " + left + " more parts do not fit in one Slack window; "
                + "I will ask for what is still missing after you send this one."))));
        return kept;
    }

    private LayoutBlock inputFor(FormField f) {
        // a refused form comes back with every value as typed (nothing is lost); else the default is prefilled
        String value = f.typed() != null ? f.typed() : f.defaultValue();
        String initial = value == null || value.isBlank() ? null : value;
        BlockElement element = switch (f.type()) {
            case EMAIL -> emailTextInput(e -> e.actionId(VALUE_ACTION).initialValue(initial));
            case URL -> urlTextInput(e -> e.actionId(VALUE_ACTION).initialValue(initial));
            case NUMBER -> numberInput(e -> e.actionId(VALUE_ACTION).decimalAllowed(false).initialValue(initial));
            case YES_NO, CHOICE -> choices(f, initial);
            case LIST -> f.options().isEmpty()
                    ? plainTextInput(e -> e.actionId(VALUE_ACTION).multiline(true).initialValue(initial)
                            .placeholder(plainText("One per line")))
                    : severalOf(f, initial);
            case TEXT, USER, API_NAME -> plainTextInput(e -> e.actionId(VALUE_ACTION).initialValue(initial));
        };
        // Ticked, not typed: the playbook's "(comma separated)" is for those who type the answer.
        String label = f.type() == FieldType.LIST && !f.options().isEmpty() ? f.label().replace(" (comma separated)", "") : f.label();
        return input(b -> b.blockId(f.id()).label(plainText(BlockKitRenderer.limit(label, 2000)))
                .element(element).optional(!f.required())
                .hint(f.help() == null ? null : plainText(BlockKitRenderer.limit(f.help(), 2000))));
    }

    private BlockElement choices(FormField f, String initial) {
        List<Option> options = f.options().isEmpty() && f.type() == FieldType.YES_NO
                ? List.of(Option.of("yes", "Yes"), Option.of("no", "No")) : f.options();
        List<OptionObject> items = options.stream()
                .map(o -> OptionObject.builder().text(plainText(BlockKitRenderer.limit(o.label(), 75))).value(o.value()).build())
                .toList();
        OptionObject selected = items.stream().filter(o -> o.getValue().equalsIgnoreCase(String.valueOf(initial)))
                .findFirst().orElse(null);
        return staticSelect(s -> s.actionId(VALUE_ACTION).options(items).initialOption(selected)
                .placeholder(plainText("Choose...")));
    }

    /** Slack's limit of options in one checkbox group; a longer list is a multi-select menu. */
    static final int MAX_CHECKBOXES = 10;

    /**
     * A question answered with several of its options (scopes, flows): checkboxes showing every option (with its
     * description) up to ten, a multi-select menu beyond; the default's values are ticked. The submission sends the
     * ticked values comma separated, as a typed answer would.
     */
    private BlockElement severalOf(FormField f, String initial) {
        java.util.Set<String> ticked = new java.util.HashSet<>();
        if (initial != null) {
            for (String v : initial.split("[,\\n]")) if (!v.isBlank()) ticked.add(v.strip().toLowerCase(java.util.Locale.ROOT));
        }
        boolean boxes = f.options().size() <= MAX_CHECKBOXES;
        List<OptionObject> items = f.options().stream().limit(BlockKitRenderer.MAX_OPTIONS)
                .map(o -> OptionObject.builder().text(plainText(BlockKitRenderer.limit(o.label(), 75))).value(o.value())
                        .description(o.hint() == null || !boxes ? null : plainText(BlockKitRenderer.limit(o.hint(), 75)))
                        .build())
                .toList();
        List<OptionObject> chosen = items.stream()
                .filter(o -> ticked.contains(o.getValue().toLowerCase(java.util.Locale.ROOT))).toList();
        List<OptionObject> initialOptions = chosen.isEmpty() ? null : chosen;
        if (boxes) return checkboxes(c -> c.actionId(VALUE_ACTION).options(items).initialOptions(initialOptions));
        return multiStaticSelect(m -> m.actionId(VALUE_ACTION).options(items).initialOptions(initialOptions)
                .placeholder(plainText("Choose one or more...")));
    }

    View revealing() {
        return info("Credentials", ":hourglass_flowing_sand: Asking the vault...");
    }

    View revealed(SecretReveal reveal) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + BlockKitRenderer.escape(reveal.label()) + "*"))));
        blocks.add(section(s -> s.text(markdownText("```" + reveal.secret().reveal() + "```"))));
        if (reveal.note() != null && !reveal.note().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(BlockKitRenderer.escape(reveal.note())))));
        }
        blocks.add(context(List.of(markdownText("Shown once: copy it into your integration's secret store now. "
                + "Closing this window discards it; Slack keeps no copy."))));
        List<LayoutBlock> fitted = fitModal(blocks);
        return view(v -> v.type("modal").callbackId(ActionIds.REVEAL_CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("Credentials")))
                .close(viewClose(c -> c.type("plain_text").text("Done")))
                .blocks(fitted));
    }

    /** Why a Reveal click showed no secret, in the window it opened (plain text: the engine's words). */
    View refused(String words) {
        String text = words.length() > 2900 ? words.substring(0, 2897) + "..." : words;
        return info("Credentials", BlockKitRenderer.escape(text));
    }

    View nothingRevealed() {
        return info("Credentials", "Nothing to show: see my message in the chat for why.");
    }

    private View info(String title, String words) {
        return view(v -> v.type("modal").callbackId(ActionIds.REVEAL_CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text(BlockKitRenderer.limit(title, MODAL_TITLE_MAX))))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(fitModal(List.of(section(s -> s.text(markdownText(words)))))));
    }

    /** The raw text of each field from a view_submission's state, by field id (block id). */
    static Map<String, String> values(Map<String, Map<String, ViewState.Value>> state) {
        Map<String, String> out = new LinkedHashMap<>();
        if (state == null) return out;
        state.forEach((blockId, actions) -> {
            var v = actions.get(VALUE_ACTION);
            if (v == null) return;
            String text = v.getValue() != null ? v.getValue()
                    : v.getSelectedOption() != null ? v.getSelectedOption().getValue()
                    : v.getSelectedOptions() != null ? String.join(", ", v.getSelectedOptions().stream()
                            .map(ViewState.SelectedOption::getValue).toList())
                    : v.getSelectedUser();
            out.put(blockId, text == null ? "" : text);
        });
        return out;
    }
}
