package dev.ecabot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.Person;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;

import java.time.Instant;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * Renders the engine's neutral messages as Block Kit: a notification text (what push notifications and screen
 * readers show) plus blocks. Up to {@value #MAX_BUTTONS} options become buttons, more a menu; a form becomes a
 * button that opens its modal; progress is one message meant to be edited in place; a reveal offer is a button,
 * never the secret. Stateless and thread-safe.
 */
final class BlockKitRenderer {

    /** A message ready for chat.postMessage / chat.update. */
    record Rendered(String text, List<LayoutBlock> blocks) { }

    static final int MAX_BUTTONS = 5;
    private static final int MAX_MENU_OPTIONS = 100;

    /** Slack's limits for a message: 3,000 characters of section text, 50 blocks, 4,000 of notification text. */
    static final int MAX_SECTION_TEXT = 3_000;
    static final int MAX_BLOCKS = 50;
    static final int MAX_FALLBACK_TEXT = 4_000;

    Rendered render(ChatMessage message) {
        return fitToSlack(renderAsIs(message));
    }

    /**
     * Splits what would break Slack's limits instead of having chat.postMessage refused: a section text over 3,000
     * characters becomes several sections (cut at line ends), more than 50 blocks end with a note of what was left
     * out (the buttons, when there are any, are kept), and the notification text is shortened.
     */
    static Rendered fitToSlack(Rendered r) {
        List<LayoutBlock> blocks = splitLongSections(r.blocks());
        clip(blocks);
        if (blocks.size() > MAX_BLOCKS) {
            List<LayoutBlock> actionBlocks = blocks.stream().filter(b -> b instanceof ActionsBlock).toList();
            List<LayoutBlock> kept = new ArrayList<>(blocks.stream().filter(b -> !(b instanceof ActionsBlock))
                    .limit(MAX_BLOCKS - 1L - actionBlocks.size()).toList());
            int left = blocks.size() - kept.size() - actionBlocks.size();
            kept.add(context(List.of(markdownText("... " + left + " more parts not shown here: say \"show\" with the"
                    + " app's name, or \"export csv\", for everything."))));
            kept.addAll(actionBlocks);
            blocks = kept;
        }
        String text = r.text() == null ? "" : references(r.text());
        if (text.length() > MAX_FALLBACK_TEXT) text = text.substring(0, MAX_FALLBACK_TEXT - 3) + "...";
        return new Rendered(text, blocks);
    }

    /** Slack's limits on texts inside blocks: buttons and options 75, context 2,000, header 150, select 100 options. */
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_CONTEXT_TEXT = 2_000;
    static final int MAX_OPTIONS = 100;

    /**
     * Shortens, in place, every text Slack would refuse as too long (a button or option label, an option's
     * description, a context line, a header), and keeps the first 100 options of a select: Slack refuses the whole
     * message otherwise ({@code invalid_blocks}). A shortened text ends with "…".
     */
    static void clip(List<LayoutBlock> blocks) {
        for (LayoutBlock block : blocks) {
            if (block instanceof ActionsBlock a && a.getElements() != null) {
                a.getElements().forEach(BlockKitRenderer::clip);
            } else if (block instanceof com.slack.api.model.block.SectionBlock section && section.getAccessory() != null) {
                clip(section.getAccessory());
            } else if (block instanceof com.slack.api.model.block.ContextBlock context && context.getElements() != null) {
                for (var element : context.getElements()) {
                    if (element instanceof com.slack.api.model.block.composition.TextObject t) clip(t, MAX_CONTEXT_TEXT);
                }
            } else if (block instanceof com.slack.api.model.block.HeaderBlock header) {
                clip(header.getText(), 150);
            } else if (block instanceof com.slack.api.model.block.InputBlock input) {
                clip(input.getLabel(), 2_000);
                clip(input.getHint(), 2_000);
                if (input.getElement() != null) clip(input.getElement());
            }
        }
    }

    private static void clip(BlockElement element) {
        if (element instanceof com.slack.api.model.block.element.ButtonElement button) {
            clip(button.getText(), MAX_BUTTON_TEXT);
        } else if (element instanceof com.slack.api.model.block.element.StaticSelectElement select
                && select.getOptions() != null) {
            if (select.getOptions().size() > MAX_OPTIONS) select.setOptions(new ArrayList<>(select.getOptions().subList(0, MAX_OPTIONS)));
            for (OptionObject o : select.getOptions()) {
                clip(o.getText(), MAX_BUTTON_TEXT);
                clip(o.getDescription(), MAX_BUTTON_TEXT);
            }
        }
    }

    private static void clip(com.slack.api.model.block.composition.TextObject text, int max) {
        if (text instanceof com.slack.api.model.block.composition.PlainTextObject p && p.getText() != null) {
            p.setText(limit(p.getText(), max));
        } else if (text instanceof com.slack.api.model.block.composition.MarkdownTextObject m && m.getText() != null) {
            m.setText(limit(m.getText(), max));
        }
    }

    /** Each section text over 3,000 characters (with no accessory) as several sections, cut at line ends. */
    static List<LayoutBlock> splitLongSections(List<LayoutBlock> in) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (LayoutBlock block : in) {
            if (block instanceof com.slack.api.model.block.SectionBlock section && section.getText() != null
                    && section.getText().getText() != null && section.getText().getText().length() > MAX_SECTION_TEXT
                    && section.getAccessory() == null) {
                for (String piece : pieces(section.getText().getText(), MAX_SECTION_TEXT)) {
                    blocks.add(section(b -> b.text(markdownText(piece))));
                }
            } else {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** {@code text} in pieces of at most {@code room} characters, cut after a line where possible. */
    static List<String> pieces(String text, int room) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > room) {
            int cut = rest.lastIndexOf('\n', room);
            if (cut < room / 2) cut = room;
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) pieces.add(rest);
        return pieces;
    }

    private Rendered renderAsIs(ChatMessage message) {
        return message.accept(new ChatMessage.Visitor<Rendered>() {
            @Override
            public Rendered visitText(TextMessage t) {
                return text(t);
            }

            @Override
            public Rendered visitChoice(ChoicePrompt c) {
                return choice(c);
            }

            @Override
            public Rendered visitForm(FormPrompt f) {
                return form(f);
            }

            @Override
            public Rendered visitSummary(Summary s) {
                return new Rendered(s.title(), summaryBlocks(s));
            }

            @Override
            public Rendered visitConfirmation(Confirmation c) {
                return confirmation(c);
            }

            @Override
            public Rendered visitProgress(ProgressUpdate p) {
                return progress(p);
            }

            @Override
            public Rendered visitRevealOffer(RevealOffer r) {
                return revealOffer(r);
            }

            @Override
            public Rendered visitApprovalCard(ApprovalCard a) {
                return approval(a);
            }

            @Override
            public Rendered visitFile(FileMessage f) {
                return file(f);
            }
        });
    }

    /** Slack's section text holds 3,000 characters: what fits of the file is shown preformatted, cut at a line. */
    static final int FILE_ROOM = 2_800;

    /** A file shown in the message: name and caption, then its content preformatted (the first lines if long). */
    private Rendered file(FileMessage f) {
        String content = f.content();
        boolean cut = content.length() > FILE_ROOM;
        String shown = cut ? content.substring(0, Math.max(0, content.lastIndexOf('\n', FILE_ROOM))) : content;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + escape(f.fileName()) + "*"
                + (f.caption().isEmpty() ? "" : "\n" + escape(f.caption()))))));
        blocks.add(section(s -> s.text(markdownText("```" + escape(shown) + "```"))));
        if (cut) {
            blocks.add(context(List.of(markdownText("Only the first lines fit in a message; " + f.wholeCopy()))));
        }
        return new Rendered(f.caption().isEmpty() ? f.fileName() : f.caption(), blocks);
    }

    private Rendered text(TextMessage t) {
        String icon = switch (t.tone()) {
            case INFO -> "";
            case WARNING -> ":warning: ";
            case ERROR -> ":x: ";
        };
        return new Rendered(t.text(), List.of(section(s -> s.text(markdownText(icon + escape(t.text()))))));
    }

    private Rendered choice(ChoicePrompt c) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(escape(c.prompt())))));
        if (c.error() != null) blocks.add(context(List.of(markdownText(":warning: " + escape(c.error())))));
        blocks.add(optionsBlock(ActionIds.CHOICE_BLOCK + c.id(), c.options(), c.defaultValue()));
        List<String> hints = c.options().stream().filter(o -> o.hint() != null)
                .map(o -> "*" + escape(o.label()) + "*: " + escape(o.hint())).toList();
        if (!hints.isEmpty() && c.options().size() <= MAX_BUTTONS) {
            blocks.add(context(List.of(markdownText(String.join("\n", hints)))));
        }
        return new Rendered(c.prompt(), blocks);
    }

    private ActionsBlock optionsBlock(String blockId, List<Option> options, String defaultValue) {
        if (options.size() <= MAX_BUTTONS) {
            List<BlockElement> buttons = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                Option o = options.get(i);
                int n = i;
                buttons.add(button(b -> b.actionId("choice-" + n).text(plainText(limit(o.label(), 75)))
                        .value(o.value()).style(o.value().equals(defaultValue) ? "primary" : null)));
            }
            return actions(blockId, buttons);
        }
        List<OptionObject> items = options.stream().limit(MAX_MENU_OPTIONS)
                .map(o -> OptionObject.builder().text(plainText(limit(o.label(), 75))).value(o.value())
                        .description(o.hint() == null ? null : plainText(limit(o.hint(), 75))).build())
                .toList();
        OptionObject initial = items.stream().filter(o -> o.getValue().equals(defaultValue)).findFirst().orElse(null);
        return actions(blockId, List.of(staticSelect(s -> s.actionId("choice-select")
                .placeholder(plainText("Choose...")).options(items).initialOption(initial))));
    }

    private Rendered confirmation(Confirmation c) {
        List<LayoutBlock> blocks = new ArrayList<>(summaryBlocks(c.summary()));
        boolean destructive = destructive(c);
        blocks.add(actions(ActionIds.CHOICE_BLOCK + c.id(), List.of(
                button(b -> b.actionId("choice-0").text(plainText(limit(c.confirmLabel(), MAX_BUTTON_TEXT)))
                        .value(Confirmation.CONFIRM).style(destructive ? "danger" : "primary")
                        .confirm(destructive ? confirmDialog(c) : null)),
                button(b -> b.actionId("choice-1").text(plainText(limit(c.cancelLabel(), MAX_BUTTON_TEXT)))
                        .value(Confirmation.CANCEL)))));
        return new Rendered(c.summary().title(), blocks);
    }

    /** A confirmation whose button cannot be undone (deleting an app): red, and Slack asks once more before sending. */
    static boolean destructive(Confirmation c) {
        return dev.ecabot.conversation.PromptRef.decode(c.id()) instanceof dev.ecabot.conversation.PromptRef.Command command
                && command.name().equals("delete");
    }

    /** Slack's "are you sure?" dialog of a destructive button: title 100, text 300, buttons 30 characters. */
    private static ConfirmationDialogObject confirmDialog(Confirmation c) {
        return ConfirmationDialogObject.builder().title(plainText(limit("Are you sure?", 100)))
                .text(plainText(limit(c.summary().title(), 300)))
                .confirm(plainText(limit(c.confirmLabel(), 30))).deny(plainText(limit(c.cancelLabel(), 30)))
                .style("danger").build();
    }

    private List<LayoutBlock> summaryBlocks(Summary s) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(b -> b.text(markdownText("*" + escape(s.title()) + "*"))));
        StringBuilder facts = new StringBuilder();
        String section = null;
        for (Fact f : s.facts()) {
            if (!Objects.equals(section, f.section()) && !f.section().isEmpty()) {
                facts.append(facts.length() == 0 ? "" : "\n").append("*").append(escape(f.section())).append("*\n");
            }
            section = f.section();
            if (f.value().isBlank()) facts.append("• ").append(escape(f.label())).append("\n"); // no empty `` after a name
            else if (InlineText.hasReferences(f.value())) facts.append("• ").append(escape(f.label())).append(": ") // a mention or date shows only outside code
                    .append(escape(f.value())).append("\n");
            else facts.append("• ").append(escape(f.label())).append(": `").append(escape(f.value())).append("`\n");
            if (facts.length() > 2500) {
                String chunk = facts.toString();
                blocks.add(section(b -> b.text(markdownText(chunk))));
                facts.setLength(0);
            }
        }
        if (facts.length() > 0) blocks.add(section(b -> b.text(markdownText(facts.toString()))));
        for (String w : s.warnings()) blocks.add(context(List.of(markdownText(":warning: " + escape(w)))));
        if (!s.notes().isEmpty()) {
            blocks.add(section(b -> b.text(markdownText(escape(String.join("\n", s.notes()))))));
        }
        return blocks;
    }

    private Rendered form(FormPrompt f) {
        boolean retry = f.fields().stream().anyMatch(x -> x.error() != null);
        String text = retry ? f.title() + ": some answers need fixing" : f.title();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + escape(f.title()) + "*\n" + f.fields().size()
                + (f.fields().size() == 1 ? " question" : " questions") + " in a form."))));
        for (var field : f.fields()) {
            if (field.error() != null) {
                blocks.add(context(List.of(markdownText(":warning: *" + escape(field.label()) + "*: " + escape(field.error())))));
            }
        }
        blocks.add(actions(ActionIds.FORM_BLOCK + f.id(), List.of(button(b -> b.actionId(ActionIds.FORM_OPEN_ACTION)
                .text(plainText(retry ? "Fix the answers" : "Fill in")).value(f.id()).style("primary")))));
        return new Rendered(text, blocks);
    }

    private Rendered progress(ProgressUpdate p) {
        StringBuilder lines = new StringBuilder("*").append(escape(p.title())).append("*");
        for (ProgressUpdate.Step step : p.steps()) {
            String icon = switch (step.state()) {
                case PENDING -> ":white_circle:";
                case RUNNING -> ":hourglass_flowing_sand:";
                case DONE -> ":white_check_mark:";
                case FAILED -> ":x:";
            };
            lines.append("\n").append(icon).append(" ").append(escape(step.label()));
            if (step.detail() != null && !step.detail().isBlank()) lines.append(" (").append(escape(step.detail())).append(")");
        }
        ProgressUpdate.Step current = p.current();
        String text = p.title() + (current == null ? "" : ": " + current.label() + " " + current.state().name().toLowerCase(Locale.ROOT));
        return new Rendered(text, List.of(section(s -> s.text(markdownText(lines.toString())))));
    }

    private Rendered revealOffer(RevealOffer r) {
        return new Rendered(r.label() + ": ready to reveal", List.of(
                section(s -> s.text(markdownText(":key: *" + escape(r.label()) + "*\nOnly you can reveal them, once. "
                        + "They open in a private window and are never posted in this chat."))),
                actions(ActionIds.REVEAL, List.of(button(b -> b.actionId(ActionIds.REVEAL)
                        .text(plainText("Reveal credentials")).value(r.offerId()).style("primary")))),
                context(List.of(markdownText("Available until " + date(r.expiresAt()))))));
    }

    /**
     * An approval request: what would be created, who asked and why, until when; Approve (primary) and Deny (danger)
     * while pending, then who decided and when instead of the buttons.
     */
    private Rendered approval(ApprovalCard a) {
        List<LayoutBlock> blocks = new ArrayList<>(summaryBlocks(new Summary(a.title(), a.facts(), List.of(), List.of())));
        blocks.add(1, section(s -> s.text(markdownText("*Org:* `" + escape(a.org()) + "`   *Playbook:* `" + escape(a.playbook())
                + "`\n*Requested by:* " + person(a.requester()) + "\n*Reason:* " + escape(a.reason())))));
        String request = "Request `" + escape(a.requestId()) + "` · check `" + escape(a.check()) + "`";
        if (a.decidable()) {
            blocks.add(context(List.of(markdownText(request + " · open until " + date(a.expiresAt())))));
            blocks.add(actions(ActionIds.CHOICE_BLOCK + dev.ecabot.conversation.PromptRef.Fixed.APPROVAL.encode(), List.of(
                    button(b -> b.actionId("choice-0").text(plainText("Approve")).value(a.approveValue()).style("primary")),
                    button(b -> b.actionId("choice-1").text(plainText("Deny")).value(a.denyValue()).style("danger")))));
            return new Rendered(a.title(), blocks);
        }
        String outcome = outcome(a);
        blocks.add(context(List.of(markdownText(request))));
        blocks.add(section(s -> s.text(markdownText(outcome))));
        return new Rendered(a.title() + ": " + a.status().name().toLowerCase(Locale.ROOT), blocks);
    }

    private static String outcome(ApprovalCard a) {
        String icon = switch (a.status()) {
            case APPROVED -> ":white_check_mark:";
            case DENIED -> ":no_entry:";
            case EXPIRED -> ":hourglass:";
            default -> ":heavy_minus_sign:";
        };
        StringBuilder words = new StringBuilder(icon).append(" *").append(a.status().name().charAt(0))
                .append(a.status().name().substring(1).toLowerCase(Locale.ROOT)).append("*");
        if (a.decidedBy() != null) words.append(" by ").append(escape(a.decidedBy()));
        if (a.decidedAt() != null) words.append(" at ").append(date(a.decidedAt()));
        if (a.note() != null && !a.note().isBlank()) words.append(": ").append(escape(a.note()));
        return words.toString();
    }

    /** A stored person ("slack:U123") as a mention; anything else as written. */
    private static String person(String key) {
        Person p = Person.ofKey(key);
        return p == null ? escape(key) : mention(p);
    }

    /** The offer message after the reveal: no button left. */
    Rendered revealed(String label, Instant at) {
        return settled(label + " revealed", ":white_check_mark: *" + escape(label) + "* revealed at " + date(at)
                + ". They were shown once and are not kept in Slack.");
    }

    /** The offer message once it expired unrevealed: no button left. */
    Rendered expired(String label, Instant at) {
        return settled(label + " expired", ":hourglass: *" + escape(label) + "* expired at " + date(at)
                + " without being revealed and were destroyed. Ask an admin to rotate them if you still need them.");
    }

    /** An offer message once settled: one section of mrkdwn {@code words}, no button left. */
    private static Rendered settled(String fallbackText, String words) {
        return new Rendered(fallbackText, List.of(section(s -> s.text(markdownText(words)))));
    }

    /**
     * A form's "Fill in" message once the form was accepted: who answered, and each field's label with the answer as
     * shown in the form (an option's label, not its value); an empty field says it was left empty or took the default.
     */
    Rendered formAnswered(FormPrompt f, String userId, Map<String, String> values) {
        StringBuilder lines = new StringBuilder();
        for (var field : f.fields()) {
            if (!values.containsKey(field.id())) continue;
            String value = values.get(field.id()) == null ? "" : values.get(field.id()).strip();
            String shown = value.isEmpty()
                    ? (field.defaultValue() == null || field.defaultValue().isBlank() ? "_left empty_" : "_the default_")
                    : escape(labelsOf(field, value));
            lines.append("*").append(escape(field.label())).append("*\n").append(shown).append("\n");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + escape(f.title()) + "*"))));
        if (lines.length() > 0) blocks.add(section(s -> s.text(markdownText(lines.toString().strip()))));
        blocks.add(context(List.of(markdownText(":ballot_box_with_check: <@" + userId + "> answered"))));
        return fitToSlack(new Rendered(f.title() + ": answered", blocks));
    }

    /** The labels of the options {@code value} names (comma separated for several), else the value as typed. */
    private static String labelsOf(dev.ecabot.conversation.message.FormField field, String value) {
        if (field.options().isEmpty()) return value;
        List<String> shown = new ArrayList<>();
        for (String v : value.split("\\s*,\\s*")) {
            shown.add(field.options().stream().filter(o -> o.value().equalsIgnoreCase(v)).map(o -> o.label())
                    .findFirst().orElse(v));
        }
        return String.join(", ", shown);
    }

    /** A prompt message after it was answered: the buttons replaced by the engine's words (who chose what). */
    Rendered answered(List<LayoutBlock> original, String fallbackText,
                      dev.ecabot.conversation.TurnAnswer.Answered answered) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (LayoutBlock b : original == null ? List.<LayoutBlock>of() : original) {
            if (!(b instanceof ActionsBlock)) blocks.add(b);
        }
        StringBuilder words = new StringBuilder(":ballot_box_with_check: ").append(escape(answered.by())).append(' ')
                .append(escape(answered.verb()));
        if (answered.choice() != null) words.append(" *").append(escape(answered.choice())).append('*');
        else if (!answered.fields().isEmpty()) words.append(':');
        for (int i = 0; i < answered.fields().size(); i++) {
            var field = answered.fields().get(i);
            words.append(i == 0 ? " " : "; ").append('*').append(escape(field.label())).append("*: ").append(escape(field.value()));
        }
        blocks.add(context(List.of(markdownText(words.toString()))));
        return fitToSlack(new Rendered(fallbackText == null ? InlineText.plain(answered.text()) : fallbackText, blocks));
    }

    /**
     * The engine's plain text as Slack mrkdwn: &, < and > escaped (control characters there), a Slack person as a
     * mention ({@code <@U024BE7LH>}), anyone else by name or id, a moment in the reader's own time zone
     * ({@link #date(Instant)}).
     */
    static String escape(String text) {
        if (text == null) return "";
        return markup(text, BlockKitRenderer::escapeWords);
    }

    /** People and moments of {@code text} as Slack markup, everything else as it is (a notification's text). */
    static String references(String text) {
        return markup(text, words -> words);
    }

    /** {@code text}'s people as mentions and moments as Slack dates, its words through {@code words}. */
    private static String markup(String text, UnaryOperator<String> words) {
        if (!InlineText.hasReferences(text)) return words.apply(text);
        StringBuilder out = new StringBuilder();
        for (InlineText.Part part : InlineText.parts(text)) {
            if (part instanceof InlineText.Words w) out.append(words.apply(w.text()));
            else if (part instanceof InlineText.Mention m) out.append(mention(m.person()));
            else if (part instanceof InlineText.Moment t) out.append(date(t.at()));
        }
        return out.toString();
    }

    private static String escapeWords(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A Slack user as a mention (Slack shows their current name); someone on another platform by name or id. */
    static String mention(Person person) {
        return person.platform().equals("slack") && person.id().matches("[A-Z0-9]+")
                ? "<@" + person.id() + ">" : escapeWords(person.plain());
    }

    /**
     * A moment as Slack shows it in each reader's own time zone and locale ("Dec 3rd, 2026 at 5:37 PM" for a reader in
     * Paris); clients that cannot format it show the UTC fallback after the bar.
     */
    static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + InlineText.UTC.format(at) + ">";
    }

    /** A plain-text field (a button, an option, a title): people and moments as words, cut to {@code max}. */
    static String limit(String text, int max) {
        text = InlineText.plain(text);
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
