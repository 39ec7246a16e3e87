package dev.ecabot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;

import java.time.ZoneId;
import java.util.Locale;
import java.util.List;

/**
 * Renders the engine's neutral messages as Teams activities: text as a plain message, everything else as an
 * Adaptive Card (1.5, the newest Teams renders) whose Action.Submit / Action.Execute data carries what
 * {@link TeamsInbound} needs to turn a click back into a ChatEvent ({@code ecabot}: choice / form / reveal / command).
 * Approval requests use Universal Actions: the card everyone sees shows the status and refreshes, for the approvers
 * named in it, into {@link #approvalForApprover} with Approve and Deny. Stateless and thread-safe.
 */
public final class AdaptiveCards {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules();

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /**
     * In a click's data, what the person saw (a button's label, a form's field labels): only for the card that
     * replaces the clicked one ("Ana answered: Create it"), never for routing.
     */
    static final String SHOWN = "shown";
    /** Form inputs are named "field:<id>" so they never collide with the routing keys in the submit data. */
    public static final String FIELD_PREFIX = "field:";
    /** Up to this many options are buttons (or check boxes); more become a drop-down. */
    private static final int MAX_BUTTONS = 5;
    /** The Action.Execute verbs of approval cards (Universal Actions, invoke {@code adaptiveCard/action}). */
    public static final String VERB_APPROVAL_VIEW = "approvalView";
    public static final String VERB_DECIDE = "decide";
    /** Teams refreshes a card automatically for at most this many users of a group chat or channel. */
    static final int MAX_REFRESH_USERS = 60;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Whose time zone the moments are in and how people are named: set per message by {@link #readBy}. */
    private final TeamsReader reader;

    /** Cards whose moments are in {@code displayZone} (the bot's, for a reader whose zone Teams never sent). */
    public AdaptiveCards(ZoneId displayZone) {
        this(TeamsReader.in(displayZone));
    }

    private AdaptiveCards(TeamsReader reader) {
        this.reader = reader;
    }

    /** The zone of a reader whose own zone is unknown. */
    java.time.ZoneId displayZone() {
        return reader.zone();
    }

    /** The same cards as {@code reader} reads them: moments in their time zone, people as mentions by name. */
    AdaptiveCards readBy(TeamsReader reader) {
        return new AdaptiveCards(reader);
    }

    /** The activity that shows {@code message} (a plain text message or a one-card message). */
    public Activity render(ChatMessage message) {
        return message.accept(new ChatMessage.Visitor<Activity>() {
            @Override
            public Activity visitText(TextMessage text) {
                String words = switch (text.tone()) {
                    case INFO -> "";
                    case WARNING -> "Warning: ";
                    case ERROR -> "Problem: ";
                } + text.text();
                if (TeamsMentions.mentionsTeamsPerson(words)) {
                    // a plain Teams message cannot mention anyone: a card with the words can, and notifies them
                    ObjectNode card = card();
                    ((ArrayNode) card.get("body")).add(text(words, false));
                    return fitToTeams(cardActivity(card, PlainText.render(text)), card, SHORTENED_NOTE);
                }
                Activity activity = Activity.createMessageActivity();
                activity.setText(fitText(TeamsMentions.plain(words, reader)));
                activity.setTextFormat(TextFormatTypes.PLAIN);
                return activity;
            }

            @Override
            public Activity visitChoice(ChoicePrompt c) {
                return oneCard(c, (body, actions) -> choice(body, actions, c));
            }

            @Override
            public Activity visitForm(FormPrompt f) {
                return oneCard(f, (body, actions) -> form(body, actions, f));
            }

            @Override
            public Activity visitSummary(Summary s) {
                return oneCard(s, (body, actions) -> summary(body, s));
            }

            @Override
            public Activity visitConfirmation(Confirmation c) {
                return oneCard(c, (body, actions) -> {
                    summary(body, c.summary());
                    actions.add(submit(c.confirmLabel(), choiceData(c.id(), Confirmation.CONFIRM).put(SHOWN, c.confirmLabel()))
                            .put("style", "positive"));
                    actions.add(submit(c.cancelLabel(), choiceData(c.id(), Confirmation.CANCEL).put(SHOWN, c.cancelLabel())));
                });
            }

            @Override
            public Activity visitProgress(ProgressUpdate p) {
                return oneCard(p, (body, actions) -> progress(body, p));
            }

            @Override
            public Activity visitRevealOffer(RevealOffer r) {
                return oneCard(r, (body, actions) -> reveal(body, actions, r));
            }

            @Override
            public Activity visitApprovalCard(ApprovalCard a) {
                return approval(a, List.of());
            }

            @Override
            public Activity visitFile(FileMessage f) {
                return oneCard(f, (body, actions) -> file(body, f));
            }
        });
    }

    /** A one-card activity for {@code message}: {@code fill} adds its body and actions; the plain text is the fallback. */
    private Activity oneCard(ChatMessage message, java.util.function.BiConsumer<ArrayNode, ArrayNode> fill) {
        ObjectNode card = card();
        fill.accept((ArrayNode) card.get("body"), (ArrayNode) card.get("actions"));
        String whereWhole = message instanceof FileMessage f ? "Some long values were shortened to fit a Teams message; "
                + f.wholeCopy().replace("`", "") : SHORTENED_NOTE;
        return fitToTeams(cardActivity(card, PlainText.render(message)), card, whereWhole);
    }

    private static final String SHORTENED_NOTE = "Some long values were shortened to fit a Teams message; say \"show\""
            + " with the app's name, or \"export csv\", for everything.";

    /** Room for a file's lines in a card: the rest of Teams' 28 KB holds the caption, the fallback and the JSON. */
    static final int FILE_ROOM = 12_000;

    /**
     * A file shown in the card (the bot sends Teams no attachments): whole when it fits, else its first lines and
     * where the whole file is (the CLI on the bot's host; asking again in Teams would cut it the same way).
     */
    private static void file(ArrayNode body, FileMessage f) {
        body.add(text(f.caption().isEmpty() ? f.fileName() : f.caption(), true));
        String content = f.content();
        if (content.length() <= FILE_ROOM) {
            body.add(text(content, false).put("fontType", "Monospace"));
            return;
        }
        String shown = content.substring(0, Math.max(0, content.lastIndexOf('\n', FILE_ROOM)));
        long lines = shown.lines().count();
        body.add(text(shown, false).put("fontType", "Monospace"));
        body.add(text("Only the first " + lines + " lines of " + f.fileName() + " fit in a Teams message. For the whole"
                + " file, a bot admin runs `ecabot export` on the bot's host.", false).put("isSubtle", true));
    }

    /** Teams refuses an activity over about 28 KB; what the bot sends stays well under it. */
    static final int MAX_ACTIVITY_BYTES = 26_000;
    private static final int SHORTENED_TO = 400;
    private static final int SHORTENED_AT_LEAST = 50;

    /**
     * Keeps an activity under Teams' 28 KB: first the card's fallback text (a second copy of everything) goes, then the
     * longest texts and fact values are shortened, saying so; the full content stays reachable with "show" and export.
     */
    private static Activity fitToTeams(Activity activity, ObjectNode card, String shortenedNote) {
        if (bytes(activity) <= MAX_ACTIVITY_BYTES) return activity;
        ((ArrayNode) card.get("body")).add(text(shortenedNote, false).put("isSubtle", true));
        int limit = SHORTENED_TO;
        while (bytes(activity) > MAX_ACTIVITY_BYTES) {
            ObjectNode longest = null;
            String field = null;
            int longestLength = limit;
            for (com.fasterxml.jackson.databind.JsonNode node : card.findParents("text")) {
                int length = node.path("text").asText().length();
                if (length > longestLength) { longest = (ObjectNode) node; field = "text"; longestLength = length; }
            }
            for (com.fasterxml.jackson.databind.JsonNode node : card.findParents("value")) {
                if (!node.path("value").isTextual()) continue;
                int length = node.path("value").asText().length();
                if (length > longestLength) { longest = (ObjectNode) node; field = "value"; longestLength = length; }
            }
            if (longest == null) {
                // Many values, none long (an approval card with every setting filled in): shorten them all further.
                if (limit <= SHORTENED_AT_LEAST) break; // still over: the connector refuses it and the outbox says so
                limit = Math.max(SHORTENED_AT_LEAST, limit / 2);
                continue;
            }
            String value = longest.path(field).asText();
            if (value.endsWith(" ...")) value = value.substring(0, value.length() - 4);
            longest.put(field, value.substring(0, Math.min(value.length(), limit)) + " ...");
        }
        return activity;
    }

    /**
     * A long plain text (an inventory of hundreds of apps) kept under Teams' limit: whole lines up to it, then how
     * many were left out and where to get everything.
     */
    static String fitText(String text) {
        int budget = MAX_ACTIVITY_BYTES - 2_000; // the activity's envelope and JSON escaping
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= budget) return text;
        String[] lines = text.split("\n", -1);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        int shown = 0;
        for (String line : lines) {
            int size = line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            if (used + size > budget) break;
            kept.append(shown == 0 ? "" : "\n").append(line);
            used += size;
            shown++;
        }
        if (shown == 0) kept.append(text, 0, Math.min(text.length(), budget / 4));
        return kept.append("\n... and ").append(lines.length - Math.max(shown, 1)).append(" more lines, too many for one"
                + " Teams message; \"export csv\" gives everything.").toString();
    }

    private static int bytes(Activity activity) {
        try {
            return JSON.writeValueAsBytes(activity).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * Text a person typed (a reason, a description, an app's name), shown in a card: Teams renders a markdown subset
     * in TextBlocks and facts, so "[link](https://evil.example)" would become a link in an approver's card. What
     * would make a link is escaped; the words read the same.
     */
    static String literal(String text) {
        if (text == null) return "";
        // people and moments stay marked: the reader's names and time zone replace them (TeamsMentions)
        // "](" is what makes brackets a link or an image; "<http" an autolink. Plain brackets ("reveal [offer]") stay.
        return text.replace("](", "]\\(").replace("<http", "\\<http");
    }

    /** The dialog (task module) card that shows a released secret to the one person it is for. */
    public Attachment secretCard(SecretReveal reveal) {
        ObjectNode card = card();
        ArrayNode body = (ArrayNode) card.get("body");
        body.add(text(reveal.label(), true).put("size", "Medium"));
        body.add(text(reveal.secret().reveal(), false).put("fontType", "Monospace"));
        if (reveal.note() != null) body.add(text(reveal.note(), false).put("isSubtle", true));
        card.remove("actions");
        TeamsMentions.inCard(card, reader);
        return attachment(card);
    }

    /**
     * What a question card becomes once answered, in the engine's words: who chose which button, or who answered a
     * form with each field's label and value; no buttons left.
     */
    public Activity answered(dev.ecabot.conversation.TurnAnswer.Answered answered) {
        ObjectNode card = card();
        ArrayNode body = (ArrayNode) card.get("body");
        String text = literal(answered.by()) + " " + answered.verb()
                + (answered.choice() != null ? " " + literal(answered.choice()) : answered.fields().isEmpty() ? "." : ":");
        body.add(text(text, false).put("isSubtle", true));
        if (!answered.fields().isEmpty()) {
            ObjectNode factSet = NODES.objectNode().put("type", "FactSet");
            ArrayNode facts = factSet.putArray("facts");
            for (dev.ecabot.conversation.message.Fact field : answered.fields()) {
                facts.addObject().put("title", literal(field.label())).put("value", literal(field.value()));
            }
            body.add(factSet);
        }
        card.remove("actions");
        return cardActivity(card, dev.ecabot.conversation.message.InlineText.plain(answered.text()));
    }

    /** What an offer card becomes once its secret was shown: no button left to press. */
    public Activity revealedOffer(String label, String revealedBy, java.time.Instant at) {
        ObjectNode card = card();
        ((ArrayNode) card.get("body")).add(text(label, true))
                .add(text("Shown once to " + revealedBy + " on " + dev.ecabot.conversation.message.InlineText.moment(at) + ". It cannot be shown again.", false)
                        .put("isSubtle", true));
        card.remove("actions");
        return cardActivity(card, label + ": shown once to " + revealedBy + ".");
    }

    private void choice(ArrayNode body, ArrayNode actions, ChoicePrompt c) {
        if (c.error() != null) body.add(error(c.error()));
        boolean dropDown = c.options().size() > MAX_BUTTONS;
        // A drop-down carries the question as its label (screen readers and the Adaptive Cards validator need one);
        // the rest of the prompt (the title, a help line) stays above it.
        String question = question(c.prompt());
        String above = dropDown ? c.prompt().lines().filter(l -> !l.equals(question)).collect(java.util.stream.Collectors
                .joining("\n")) : c.prompt();
        if (!above.isBlank()) body.add(text(above, true));
        for (Option o : c.options()) {
            if (o.hint() != null) body.add(text(o.label() + ": " + o.hint(), false).put("isSubtle", true).put("spacing", "None"));
        }
        if (!dropDown) {
            for (Option o : c.options()) {
                ObjectNode button = submit(o.label(), choiceData(c.id(), o.value()).put(SHOWN, o.label()));
                if (o.value().equals(c.defaultValue())) button.put("style", "positive");
                actions.add(button);
            }
        } else {
            ObjectNode select = input("Input.ChoiceSet", "value").put("label", question)
                    .put("style", "compact").put("isRequired", true).put("errorMessage", "Pick one");
            if (c.defaultValue() != null) select.put("value", c.defaultValue());
            select.set("choices", choices(c.options()));
            body.add(select);
            // each option's label by its value, so the answered card says what the person picked in the card's words
            ObjectNode data = NODES.objectNode().put("ecabot", "choice").put("promptId", c.id());
            ObjectNode labels = data.putObject(SHOWN);
            for (Option o : c.options()) labels.put(o.value(), o.label());
            actions.add(submit("OK", data));
        }
    }

    /** The line of a prompt that asks: the last one that is not a "(help)" line. */
    private static String question(String prompt) {
        List<String> lines = prompt.lines().filter(l -> !l.isBlank()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).startsWith("(")) return lines.get(i);
        }
        return lines.isEmpty() ? prompt : lines.get(0);
    }

    private void form(ArrayNode body, ArrayNode actions, FormPrompt f) {
        body.add(text(f.title(), true));
        for (FormField field : f.fields()) {
            ObjectNode input = inputFor(field);
            input.put("label", field.label()).put("isRequired", field.required());
            // shown under the empty field by Teams; the label above already says what is asked
            if (field.required()) input.put("errorMessage", "This question needs an answer.");
            // a refused answer is shown again as typed, to be fixed; else the default
            String value = field.typed() != null ? field.typed() : field.defaultValue();
            if (value != null && !value.isEmpty()) input.put("value", prefill(field, value));
            body.add(input);
            if (field.help() != null) body.add(text(field.help(), false).put("isSubtle", true).put("spacing", "None"));
            if (field.error() != null) body.add(error(field.error()).put("spacing", "None"));
        }
        ObjectNode data = NODES.objectNode().put("ecabot", "form").put("formId", f.id());
        ObjectNode labels = data.putObject(SHOWN);
        for (FormField field : f.fields()) labels.put(field.id(), field.label());
        actions.add(submit("Submit", data));
    }

    /** A multi-select's value is its picks comma-separated, whatever separated them in the answer typed before. */
    private static String prefill(FormField field, String value) {
        if (field.type() != FieldType.LIST || field.options().isEmpty()) return value;
        return String.join(",", java.util.Arrays.stream(value.split("[,\\n]")).map(String::strip)
                .filter(v -> !v.isEmpty()).toList());
    }

    private static ObjectNode inputFor(FormField field) {
        String id = FIELD_PREFIX + field.id();
        return switch (field.type()) {
            case EMAIL -> input("Input.Text", id).put("style", "Email");
            case URL -> input("Input.Text", id).put("style", "Url");
            case NUMBER -> input("Input.Number", id);
            case LIST -> field.options().isEmpty()
                    ? input("Input.Text", id).put("isMultiline", true).put("placeholder", "one per line")
                    // several of a known list (OAuth scopes, flows): check boxes, or a multi-select drop-down when long;
                    // Teams sends the picks comma-separated, which the engine reads as a list
                    : input("Input.ChoiceSet", id).put("isMultiSelect", true)
                            .put("style", field.options().size() <= MAX_BUTTONS ? "expanded" : "compact")
                            .set("choices", choices(field.options()));
            case YES_NO, CHOICE -> {
                ObjectNode select = input("Input.ChoiceSet", id).put("style", "compact");
                List<Option> options = field.type() == FieldType.YES_NO && field.options().isEmpty()
                        ? List.of(Option.of("yes", "Yes"), Option.of("no", "No")) : field.options();
                select.set("choices", choices(options));
                yield select;
            }
            default -> input("Input.Text", id);
        };
    }

    private static void summary(ArrayNode body, Summary s) {
        body.add(text(s.title(), true).put("size", "Medium"));
        String section = null;
        ArrayNode facts = null;
        for (Fact f : s.facts()) {
            if (facts == null || !f.section().equals(section)) {
                section = f.section();
                if (!section.isEmpty()) body.add(text(section, true));
                ObjectNode factSet = NODES.objectNode().put("type", "FactSet");
                facts = factSet.putArray("facts");
                body.add(factSet);
            }
            facts.addObject().put("title", literal(f.label())).put("value", literal(f.value()));
        }
        for (String w : s.warnings()) body.add(text("Warning: " + w, false).put("color", "Warning"));
        for (String n : s.notes()) body.add(text("- " + n, false));
    }

    private static void progress(ArrayNode body, ProgressUpdate p) {
        body.add(text(p.title(), true));
        for (ProgressUpdate.Step step : p.steps()) {
            ObjectNode line = text(PlainText.progressLine(step), false).put("spacing", "Small");
            switch (step.state()) {
                case DONE -> line.put("color", "Good");
                case FAILED -> line.put("color", "Attention");
                case RUNNING -> line.put("weight", "Bolder");
                default -> line.put("isSubtle", true);
            }
            body.add(line);
        }
    }

    /**
     * An approval request as everyone sees it: who asked for what and why, every setting, until when, and where it
     * stands; no buttons. While it is pending the card asks Teams to refresh it (Universal Actions) for each user in
     * {@code approverMemberIds} (their "29:" ids, at most 60; none needed in a 1:1 chat): {@link TeamsBot} answers an
     * approver's refresh with {@link #approvalForApprover}, everyone else's with this view.
     */
    public Activity approval(ApprovalCard a, List<String> approverMemberIds) {
        ObjectNode card = approvalCard(a, approverMemberIds);
        return fitToTeams(cardActivity(card, PlainText.render(a)), card, SHORTENED_NOTE);
    }

    /** The same card as an approver sees it: Approve and Deny (Action.Execute), and it keeps refreshing. */
    public ObjectNode approvalForApprover(ApprovalCard a, List<String> approverMemberIds) {
        ObjectNode card = approvalCard(a, approverMemberIds);
        if (a.decidable()) {
            ((ArrayNode) card.get("body")).add(text("You are an approver of this request.", false).put("isSubtle", true));
            ArrayNode actions = card.putArray("actions");
            actions.add(execute("Approve", VERB_DECIDE, choiceData(ApprovalCard.PROMPT_ID, a.approveValue())).put("style", "positive"));
            actions.add(execute("Deny", VERB_DECIDE, choiceData(ApprovalCard.PROMPT_ID, a.denyValue())).put("style", "destructive"));
        }
        TeamsMentions.inCard(card, reader);
        return card;
    }

    ObjectNode approvalForApprover(ApprovalCard a) {
        return approvalForApprover(a, List.of());
    }

    private ObjectNode approvalCard(ApprovalCard a, List<String> approverMemberIds) {
        ObjectNode card = card();
        card.remove("actions");
        ArrayNode body = (ArrayNode) card.get("body");
        body.add(text(literal(a.title()), true).put("size", "Medium"));
        ObjectNode request = NODES.objectNode().put("type", "FactSet");
        ArrayNode facts = request.putArray("facts");
        facts.addObject().put("title", "Org").put("value", a.org());
        facts.addObject().put("title", "Playbook").put("value", a.playbook());
        // the requester as a person: a Teams mention where Teams shows the card (TeamsMentions)
        facts.addObject().put("title", "Requested by").put("value", dev.ecabot.conversation.message.Person.inTextOrAsIs(a.requester()));
        facts.addObject().put("title", "Reason").put("value", literal(a.reason()));
        facts.addObject().put("title", "Request").put("value", a.requestId() + " (check " + a.check() + ")");
        body.add(request);
        summary(body, new Summary("Settings", a.facts(), List.of(), List.of()));
        if (a.decidable()) {
            body.add(text("Waiting for approval. Open until " + dev.ecabot.conversation.message.InlineText.moment(a.expiresAt()) + ".", true));
            body.add(text("Approvers see Approve and Deny on this card (or say \"approve " + a.requestId() + "\").",
                    false).put("isSubtle", true));
            ObjectNode refresh = card.putObject("refresh");
            refresh.set("action", execute("Show my options", VERB_APPROVAL_VIEW, NODES.objectNode()
                    .put("ecabot", "approvalView").put("requestId", a.requestId())));
            if (!approverMemberIds.isEmpty()) {
                ArrayNode users = refresh.putArray("userIds");
                approverMemberIds.stream().distinct().limit(MAX_REFRESH_USERS).forEach(users::add);
            }
            return card;
        }
        String status = a.status().name().charAt(0) + a.status().name().substring(1).toLowerCase(Locale.ROOT);
        StringBuilder outcome = new StringBuilder(status);
        if (a.decidedBy() != null) outcome.append(" by ").append(a.decidedBy());
        if (a.decidedAt() != null) outcome.append(" on ").append(dev.ecabot.conversation.message.InlineText.moment(a.decidedAt()));
        if (a.note() != null && !a.note().isBlank()) outcome.append(": ").append(literal(a.note()));
        body.add(text(outcome.toString(), true).put("color", switch (a.status()) {
            case APPROVED -> "Good";
            case DENIED -> "Attention";
            default -> "Default";
        }));
        return card;
    }

    /**
     * The card the bot posts when it is added to a personal chat, a group chat or a team: what it does and buttons for
     * the first steps (each sends its command, as if typed).
     */
    public Activity welcome() {
        ObjectNode card = card();
        ArrayNode body = (ArrayNode) card.get("body");
        body.add(text("Hello! I set up Salesforce External Client Apps for integrations.", true).put("size", "Medium"));
        body.add(text("I ask what the vendor's setup needs, get approval where policy requires it, create the app in the"
                + " org and show you its consumer key and secret once, in a private dialog.", false));
        body.add(text("In a channel or group chat, mention me first: @ECA bot new.", false).put("isSubtle", true));
        ArrayNode actions = (ArrayNode) card.get("actions");
        actions.add(submit("Set up an app", commandData("new")).put("style", "positive"));
        actions.add(submit("Integrations I know", commandData("playbooks")));
        actions.add(submit("Help", commandData("help")));
        return cardActivity(card, "Hello! I set up Salesforce External Client Apps. Say \"help\" to see what I can do.");
    }

    /** A button that runs a command as if the person typed it. */
    static ObjectNode commandData(String command) {
        return NODES.objectNode().put("ecabot", "command").put("text", command);
    }

    private void reveal(ArrayNode body, ArrayNode actions, RevealOffer r) {
        body.add(text(r.label(), true));
        body.add(text("Shown once, to you only, in a dialog that is not kept in the chat. Open until "
                + dev.ecabot.conversation.message.InlineText.moment(r.expiresAt()) + ".", false).put("isSubtle", true));
        actions.add(submit("Reveal", revealData(r.offerId())).put("style", "positive"));
    }

    private static ObjectNode revealData(String offerId) {
        ObjectNode data = NODES.objectNode();
        data.putObject("msteams").put("type", "task/fetch"); // opens a task module (dialog) instead of posting
        return data.put("ecabot", "reveal").put("offerId", offerId);
    }

    static ObjectNode choiceData(String promptId, String value) {
        return NODES.objectNode().put("ecabot", "choice").put("promptId", promptId).put("value", value);
    }

    private static ObjectNode card() {
        ObjectNode card = NODES.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard").put("version", "1.5");
        card.putArray("body");
        card.putArray("actions");
        return card;
    }

    private Activity cardActivity(ObjectNode card, String fallbackText) {
        TeamsMentions.inCard(card, reader);
        if (card.get("actions") != null && card.get("actions").isEmpty()) card.remove("actions");
        // No card fallbackText: it would repeat the whole card (Teams counts both against 28 KB) in unescaped markdown.
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setAttachments(List.of(attachment(card)));
        activity.setSummary(fallbackText.lines().findFirst().orElse(""));
        return activity;
    }

    private static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }

    private static ObjectNode text(String text, boolean bold) {
        ObjectNode block = NODES.objectNode().put("type", "TextBlock")
                .put("text", text).put("wrap", true);
        if (bold) block.put("weight", "Bolder");
        return block;
    }

    private static ObjectNode error(String text) {
        return text(text, false).put("color", "Attention");
    }

    private static ObjectNode input(String type, String id) {
        return NODES.objectNode().put("type", type).put("id", id);
    }

    private static ArrayNode choices(List<Option> options) {
        ArrayNode choices = NODES.arrayNode();
        for (Option o : options) choices.addObject().put("title", o.label()).put("value", o.value());
        return choices;
    }

    /** A Universal Action: Teams sends it to the bot as an {@code adaptiveCard/action} invoke and shows the card answered. */
    private static ObjectNode execute(String title, String verb, ObjectNode data) {
        ObjectNode action = NODES.objectNode().put("type", "Action.Execute").put("title", title).put("verb", verb);
        action.set("data", data);
        return action;
    }

    private static ObjectNode submit(String title, ObjectNode data) {
        ObjectNode action = NODES.objectNode().put("type", "Action.Submit").put("title", title);
        action.set("data", data);
        return action;
    }
}
