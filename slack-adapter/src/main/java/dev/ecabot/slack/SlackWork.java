package dev.ecabot.slack;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatTurns;
import dev.ecabot.conversation.TurnAnswer;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What happens after the ack, on a worker thread: the Slack-only steps of an interaction (opening a form's
 * modal, opening the credential window before the vault answers), the engine's one entry point with the mapped
 * event (an Events API delivery with its event_id, recorded in the turn's own transaction), and the rendering of its
 * {@link TurnAnswer}: a modal from the click's trigger, field errors in the submitted modal, the secret in the
 * credential window, the clicked card marked with the engine's words. No engine policy here: what a typed
 * {@code reveal <offer>} gets, and which cards are marked answered with what words, is the engine's. A Slack API
 * failure is told to the user in words.
 */
final class SlackWork {

    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    private static final Set<TurnAnswer.InTurn> CLICK = EnumSet.of(TurnAnswer.InTurn.FORM);
    private static final Set<TurnAnswer.InTurn> REVEAL_CLICK = EnumSet.of(TurnAnswer.InTurn.SECRET, TurnAnswer.InTurn.WORDS);
    private static final Set<TurnAnswer.InTurn> SUBMISSION = EnumSet.of(TurnAnswer.InTurn.FIELD_ERRORS,
            TurnAnswer.InTurn.NEXT_FORM);

    private final InboundMapper mapper;
    private final ChatTurns engine;
    private final SlackWebApi api;
    private final SlackChatPort port;
    private final BlockKitRenderer renderer;
    private final ModalViews modals;
    private final PendingForms forms;
    private final UserNotice notice;
    private final ProcessedEvents processed;

    SlackWork(InboundMapper mapper, ChatTurns engine, SlackWebApi api, SlackChatPort port,
              BlockKitRenderer renderer, ModalViews modals, PendingForms forms, UserNotice notice,
              ProcessedEvents processed) {
        this.processed = processed;
        this.mapper = mapper;
        this.engine = engine;
        this.api = api;
        this.port = port;
        this.renderer = renderer;
        this.modals = modals;
        this.forms = forms;
        this.notice = notice;
    }

    void run(SlackInbound inbound) {
        try {
            if (inbound instanceof SlackInbound.Action a && ActionIds.formOf(a.blockId(), a.actionId()).isPresent()) {
                openForm(a, ActionIds.formOf(a.blockId(), a.actionId()).get());
            } else if (inbound instanceof SlackInbound.Action a && ActionIds.REVEAL.equals(a.actionId())) {
                reveal(a);
                if (onHomeTab(a)) publishHome(a.userId());
            } else if (inbound instanceof SlackInbound.Action a && a.actionId() != null
                    && a.actionId().startsWith(ActionIds.HOME_PAGE)) {
                publishHome(a.userId(), a.value()); // "More" / "Back to the start" on the Home tab
            } else if (inbound instanceof SlackInbound.Action a && ActionIds.NEW_APP_ACTION.equals(a.actionId())) {
                mapper.toEvent(new SlackInbound.Command(a.userId(), a.userName(), null, "new", a.triggerId(), null))
                        .ifPresent(engine::answer);
            } else if (inbound instanceof SlackInbound.Action a) {
                click(a);
                if (onHomeTab(a)) publishHome(a.userId()); // the tab shows what is left to do after the click
            } else if (inbound instanceof SlackInbound.HomeOpened h) {
                publishHome(h.userId());
            } else {
                // Slack retries an event it thinks was not taken: the engine records its event_id in the turn itself.
                mapper.toEvent(inbound).ifPresent(event -> engine.answer(event, Set.of(), processed.delivery(inbound.eventId())));
            }
        } catch (SlackCallFailed failure) {
            notice.tell(inbound, failure.userMessage());
        } catch (RuntimeException e) {
            log.error("Handling a Slack request from {} failed", inbound.userId(), e);
            notice.tell(inbound, "Sorry, something went wrong on my side while handling that. "
                    + "Please try again; if it keeps happening, tell the bot's administrators.");
        }
    }

    /** A click on the App Home tab: no message, no channel. */
    private static boolean onHomeTab(SlackInbound.Action a) {
        return a.channelId() == null && a.messageTs() == null;
    }

    /** The person's App Home tab: their apps, the approvals waiting for them, their open offers and reminders. */
    private void publishHome(String userId) {
        port.publishHome(mapper.user(userId), 0, 0);
    }

    /** A page of the Home tab's lists: {@code page} is "appsFrom:approvalsFrom" (a button's value); else the first. */
    private void publishHome(String userId, String page) {
        int apps = 0;
        int approvals = 0;
        if (page != null && page.matches("\\d{1,6}:\\d{1,6}")) {
            apps = Integer.parseInt(page.substring(0, page.indexOf(':')));
            approvals = Integer.parseInt(page.substring(page.indexOf(':') + 1));
        }
        port.publishHome(mapper.user(userId), apps, approvals);
    }

    /**
     * A submitted form: its field errors complete {@code verdict} (the view_submission ack shows them in the modal);
     * accepted, the "Fill in" message it came from says what was answered, and the form its answers open (the
     * conditional questions) replaces it in the same modal. When the ack stopped waiting, the form goes into the
     * chat instead.
     */
    void submit(SlackInbound.FormSubmitted form, CompletableFuture<ModalVerdict> verdict) {
        try {
            Optional<PendingForms.Pending> offered = forms.find(form.userId(), form.formId());
            Optional<ChatEvent> event = mapper.toEvent(form);
            TurnAnswer answer = event.isPresent() ? engine.answer(event.get(), SUBMISSION) : TurnAnswer.handled();
            Optional<FormPrompt> shown = answer.form();
            if (shown.isPresent() && shown.get().id().equals(form.formId())) {
                port.remember(event.get().replyTo(), shown.get());
                if (!verdict.complete(ModalVerdict.refused(errorsOf(shown.get())))) port.post(event.get().replyTo(), shown.get());
                return;
            }
            if (event.isPresent()) closeFillIn(form, offered);
            if (shown.isPresent()) {
                FormPrompt next = shown.get();
                port.remember(event.get().replyTo(), next);
                // a whole form's next step stays in its window; one-question forms (an update's questions) go on in the chat
                boolean sameWindow = offered.isPresent() && offered.get().form().fields().size() > 1
                        && opensNewQuestions(offered.get().form(), next);
                if (!sameWindow || !verdict.complete(ModalVerdict.followedBy(
                        modals.form(next, ModalViews.metadata(next.id(), event.get().replyTo().place()))))) {
                    port.post(event.get().replyTo(), next); // the rest of a form answered in part: a message of its own
                }
            }
        } catch (SlackCallFailed failure) {
            notice.tell(form, failure.userMessage());
        } catch (RuntimeException e) {
            log.error("Handling a Slack form from {} failed", form.userId(), e);
            notice.tell(form, "Sorry, something went wrong on my side while handling that form. "
                    + "Please try again; if it keeps happening, tell the bot's administrators.");
        } finally {
            verdict.complete(ModalVerdict.accepted());
        }
    }

    /** True when {@code next} asks only questions {@code submitted} did not hold: a step of its own, for the same modal. */
    private static boolean opensNewQuestions(FormPrompt submitted, FormPrompt next) {
        Set<String> asked = new java.util.HashSet<>();
        submitted.fields().forEach(f -> asked.add(f.id()));
        return next.fields().stream().noneMatch(f -> asked.contains(f.id()));
    }

    /** The "Fill in" message of an accepted form: who answered what, in the form's words, and no button left. */
    private void closeFillIn(SlackInbound.FormSubmitted form, Optional<PendingForms.Pending> offered) {
        if (form.messageTs() == null || offered.isEmpty()) return;
        BlockKitRenderer.Rendered r = renderer.formAnswered(offered.get().form(), form.userId(), form.values());
        api.call("chat.update", c -> c.chatUpdate(m -> m.channel(form.channelId()).ts(form.messageTs())
                .text(r.text()).blocks(r.blocks())));
    }

    private void openForm(SlackInbound.Action a, String formId) {
        Optional<PendingForms.Pending> pending = forms.find(a.userId(), formId);
        if (pending.isEmpty()) {
            notice.tell(a, "That form is no longer open (it was answered, cancelled or expired). Say \"status\".");
            return;
        }
        String metadata = ModalViews.metadata(formId, pending.get().place(), a.messageTs());
        api.call("views.open", c -> c.viewsOpen(v -> v.triggerId(a.triggerId())
                .view(modals.form(pending.get().form(), metadata))));
    }

    /**
     * Opens the credential window at once (trigger ids last 3 s), then asks the engine: the secret it answers is
     * shown in that window, or its words say why not; a window is never left empty or waiting.
     */
    private void reveal(SlackInbound.Action a) {
        String viewId = api.call("views.open", c -> c.viewsOpen(v -> v.triggerId(a.triggerId())
                .view(modals.revealing()))).getView().getId();
        Optional<ChatEvent> event = mapper.toEvent(a);
        TurnAnswer answer = event.isPresent() ? engine.answer(event.get(), REVEAL_CLICK) : TurnAnswer.handled();
        if (answer.secret().isPresent()) {
            try {
                port.showRevealed(viewId, a.value(), a.channelId(), a.messageTs(), answer.secret().get());
            } catch (SlackCallFailed e) {
                notice.tell(a, "Slack did not show the window with " + answer.secret().get().label() + " (" + e.error()
                        + "). Nothing was destroyed: press \"Reveal credentials\" again.");
            }
        } else if (!answer.words().isEmpty()) {
            api.call("views.update", c -> c.viewsUpdate(v -> v.viewId(viewId).view(modals.refused(String.join("\n", answer.words())))));
        } else {
            api.call("views.update", c -> c.viewsUpdate(v -> v.viewId(viewId).view(modals.nothingRevealed())));
        }
    }

    /**
     * Any other button: a refusal goes to the clicker only and the card stays; a form the engine answers (Deny's
     * reason) opens as a modal from this very click; the card is marked answered when the engine says so.
     */
    private void click(SlackInbound.Action a) {
        Optional<ChatEvent> event = mapper.toEvent(a);
        if (event.isEmpty()) return;
        TurnAnswer answer = engine.answer(event.get(), CLICK);
        if (answer.refused()) {
            notice.tell(a, answer.refusalWords()); // to the clicker only; the card stays as it was
            return;
        }
        answer.form().ifPresent(form -> port.open(a.triggerId(), event.get().replyTo(), form));
        answer.answered().ifPresent(answered -> markAnswered(a, answered));
    }

    /** The clicked message with its buttons replaced by the engine's words (a click on the App Home has no message). */
    private void markAnswered(SlackInbound.Action a, TurnAnswer.Answered answered) {
        if (a.messageTs() == null || a.channelId() == null) return;
        BlockKitRenderer.Rendered r = renderer.answered(a.blocks(), a.messageText(), answered);
        api.call("chat.update", c -> c.chatUpdate(m -> m.channel(a.channelId()).ts(a.messageTs())
                .text(r.text()).blocks(r.blocks())));
    }

    private static Map<String, String> errorsOf(FormPrompt form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField f : form.fields()) if (f.error() != null) errors.put(f.id(), f.error());
        return errors;
    }
}
