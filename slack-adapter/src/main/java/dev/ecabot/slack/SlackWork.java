package dev.ecabot.slack;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatTurns;
import dev.ecabot.conversation.TurnAnswer;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.RevealOffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What happens after the ack, on a worker thread: the Slack-only steps of an interaction (opening a form's
 * modal, opening the credential window before the vault answers, marking a prompt answered) and then the
 * engine's one entry point with the mapped event. A Slack API failure is told to the user in words.
 */
final class SlackWork {

    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    private final InboundMapper mapper;
    private final ChatTurns engine;
    private final SlackWebApi api;
    private final SlackChatPort port;
    private final BlockKitRenderer renderer;
    private final ModalViews modals;
    private final PendingForms forms;
    private final Interactions interactions;
    private final UserNotice notice;

    SlackWork(InboundMapper mapper, ChatTurns engine, SlackWebApi api, SlackChatPort port,
              BlockKitRenderer renderer, ModalViews modals, PendingForms forms, Interactions interactions,
              UserNotice notice) {
        this.mapper = mapper;
        this.engine = engine;
        this.api = api;
        this.port = port;
        this.renderer = renderer;
        this.modals = modals;
        this.forms = forms;
        this.interactions = interactions;
        this.notice = notice;
    }

    void run(SlackInbound inbound) {
        try {
            if (typedReveal(inbound)) {
                notice.tell(inbound, "Credentials open only from the \"Reveal credentials\" button in my message, "
                        + "in a private window. Press that button.");
            } else if (inbound instanceof SlackInbound.Action a && ActionIds.formOf(a.blockId(), a.actionId()).isPresent()) {
                openForm(a, ActionIds.formOf(a.blockId(), a.actionId()).get());
            } else if (inbound instanceof SlackInbound.Action a && ActionIds.REVEAL.equals(a.actionId())) {
                reveal(a);
            } else if (inbound instanceof SlackInbound.Action a && isApproval(a)) {
                decide(a);
            } else {
                Optional<ChatEvent> event = mapper.toEvent(inbound);
                if (event.isPresent()) {
                    TurnAnswer answer = engine.answer(event.get());
                    if (answer.refused()) {
                        notice.tell(inbound, answer.words()); // to the clicker only; the card stays as it was
                    } else if (inbound instanceof SlackInbound.Action a) {
                        markAnswered(a);
                    }
                }
            }
        } catch (SlackCallFailed failure) {
            notice.tell(inbound, failure.userMessage());
        } catch (RuntimeException e) {
            log.error("Handling a Slack request from {} failed", inbound.userId(), e);
            notice.tell(inbound, "Sorry, something went wrong on my side while handling that. "
                    + "Please try again; if it keeps happening, tell the bot's administrators.");
        } finally {
            if (inbound instanceof SlackInbound.FormSubmitted f) interactions.formHandled(f.userId(), f.formId());
        }
    }

    /**
     * "reveal <id>" typed as text would release the secret with no private window to show it in. "reveal" alone is
     * the engine's: it lists the person's waiting secrets, each with its button again.
     */
    private static boolean typedReveal(SlackInbound inbound) {
        String text = inbound instanceof SlackInbound.DirectMessage d ? d.text()
                : inbound instanceof SlackInbound.Mention m ? m.text()
                : inbound instanceof SlackInbound.Command c ? c.text() : null;
        return text != null && text.strip().toLowerCase(Locale.ROOT).matches("/?reveal\\s+\\S.*");
    }

    private void openForm(SlackInbound.Action a, String formId) {
        Optional<PendingForms.Pending> pending = forms.find(a.userId(), formId);
        if (pending.isEmpty()) {
            notice.tell(a, "That form is no longer open (it was answered, cancelled or expired). Say \"status\".");
            return;
        }
        String metadata = ModalViews.metadata(formId, pending.get().place());
        api.call("views.open", c -> c.viewsOpen(v -> v.triggerId(a.triggerId())
                .view(modals.form(pending.get().form(), metadata))));
    }

    /** Opens the credential window at once (trigger ids last 3 s), then lets the engine ask the vault. */
    private void reveal(SlackInbound.Action a) {
        String viewId = api.call("views.open", c -> c.viewsOpen(v -> v.triggerId(a.triggerId())
                .view(modals.revealing()))).getView().getId();
        interactions.openRevealWindow(a.userId(), new Interactions.RevealWindow(viewId, a.value(), a.channelId(), a.messageTs()));
        try {
            mapper.toEvent(a).ifPresent(engine::answer);
        } finally {
            if (interactions.takeRevealWindow(a.userId()) != null) {
                // The engine refused (not the requester, expired, already revealed) and said why in the chat.
                api.call("views.update", c -> c.viewsUpdate(v -> v.viewId(viewId).view(modals.nothingRevealed())));
            }
        }
    }

    private static boolean isApproval(SlackInbound.Action a) {
        return ActionIds.promptOf(a.blockId(), a.actionId()).filter(ApprovalCard.PROMPT_ID::equals).isPresent();
    }

    /**
     * Approve / Deny on an approval card: the card keeps its buttons (the engine decides whether this person may
     * decide, and then edits every copy of the card); Deny's reason form opens as a modal from this very click.
     */
    private void decide(SlackInbound.Action a) {
        interactions.offerTrigger(a.userId(), a.triggerId());
        try {
            Optional<ChatEvent> event = mapper.toEvent(a);
            TurnAnswer answer = event.isPresent() ? engine.answer(event.get()) : TurnAnswer.handled();
            // Their own request, or not an approver: said to the clicker only (ephemeral); no card or form touched.
            if (answer.refused()) notice.tell(a, answer.words());
        } finally {
            interactions.takeTrigger(a.userId());
        }
    }

    private void markAnswered(SlackInbound.Action a) {
        if (a.messageTs() == null || a.label() == null || ActionIds.promptOf(a.blockId(), a.actionId()).isEmpty()
                || RevealOffer.PROMPT_ID.equals(ActionIds.promptOf(a.blockId(), a.actionId()).get())) return;
        BlockKitRenderer.Rendered r = renderer.answered(a.blocks(), a.messageText(), a.userId(), a.label());
        api.call("chat.update", c -> c.chatUpdate(m -> m.channel(a.channelId()).ts(a.messageTs())
                .text(r.text()).blocks(r.blocks())));
    }
}
