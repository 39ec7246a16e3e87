package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Registers the bot's listeners on a Bolt {@link App}: {@code /eca}, mentions, direct messages, buttons and
 * menus, form submissions, the App Home tab opening and the "new app" global shortcut. Each reads the payload, hands the work to the executor and acks at once, so Slack
 * gets its answer well within 3 s whatever the work (Salesforce) is doing. The one wait: a submitted form's
 * ack waits up to {@value #FORM_VERDICT_MILLIS} ms for the engine's field errors, so they show in the modal.
 */
final class SlackListeners {

    static final String COMMAND = "/eca";
    static final long FORM_VERDICT_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executor executor;
    private final Consumer<SlackInbound> work;
    private final BiConsumer<SlackInbound.FormSubmitted, CompletableFuture<ModalVerdict>> forms;

    /**
     * {@code forms} handles a submitted form and completes the verdict: its field errors, the form that follows, or
     * accepted; when the ack stopped waiting, the verdict is already complete and the work says it in the chat instead.
     */
    SlackListeners(Executor executor, Consumer<SlackInbound> work,
                   BiConsumer<SlackInbound.FormSubmitted, CompletableFuture<ModalVerdict>> forms) {
        this.executor = executor;
        this.work = work;
        this.forms = forms;
    }

    void registerOn(App app) {
        app.command(COMMAND, (req, ctx) -> {
            var p = req.getPayload();
            submit(new SlackInbound.Command(p.getUserId(), p.getUserName(), p.getChannelId(), p.getText(),
                    p.getTriggerId(), p.getResponseUrl()));
            // Typed in a channel, the conversation continues privately (it may involve forms and credentials).
            return p.getChannelId() != null && p.getChannelId().startsWith("D") ? ctx.ack()
                    : ctx.ack(":speech_balloon: I'll continue in our direct messages.");
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
            submit(new SlackInbound.Mention(e.getUser(), e.getChannel(), withoutMentions(e.getText()), thread,
                    payload.getEventId()));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            // Only people's messages in the bot's DM: channel messages reach us as app_mention instead.
            if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null) {
                submit(new SlackInbound.DirectMessage(e.getUser(), e.getChannel(), withoutMentions(e.getText()),
                        e.getThreadTs(), payload.getEventId()));
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && e.getUser() != null) submit(new SlackInbound.HomeOpened(e.getUser()));
            return ctx.ack();
        });
        app.globalShortcut(ActionIds.NEW_SHORTCUT, (req, ctx) -> {
            var p = req.getPayload();
            // As if the person said "new" to the bot: the request continues in their DM.
            submit(new SlackInbound.Command(p.getUser().getId(), p.getUser().getUsername(), null, "new",
                    p.getTriggerId(), null));
            return ctx.ack();
        });
        app.blockAction(Pattern.compile(".*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            for (BlockActionPayload.Action a : p.getActions()) submit(action(p, a));
            return ctx.ack();
        });
        app.viewSubmission(ActionIds.FORM_CALLBACK, (req, ctx) -> {
            var p = req.getPayload();
            SlackInbound.FormSubmitted form = formSubmitted(p.getUser().getId(), p.getUser().getName(),
                    p.getView().getPrivateMetadata(), ModalViews.values(p.getView().getState().getValues()));
            CompletableFuture<ModalVerdict> verdict = new CompletableFuture<>();
            submit(form, () -> forms.accept(form, verdict));
            try {
                ModalVerdict said = verdict.get(FORM_VERDICT_MILLIS, TimeUnit.MILLISECONDS);
                if (!said.errors().isEmpty()) return ctx.ackWithErrors(said.errors());
                return said.next() != null ? ctx.ackWithUpdate(said.next()) : ctx.ack();
            } catch (TimeoutException | InterruptedException | ExecutionException e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                verdict.complete(ModalVerdict.accepted()); // too late for the modal: the work says it in the chat
                return ctx.ack();
            }
        });
    }

    private static SlackInbound.Action action(BlockActionPayload p, BlockActionPayload.Action a) {
        String value = a.getValue() != null ? a.getValue()
                : a.getSelectedOption() != null ? a.getSelectedOption().getValue() : null;
        String label = a.getText() != null ? a.getText().getText()
                : a.getSelectedOption() != null && a.getSelectedOption().getText() != null
                ? a.getSelectedOption().getText().getText() : value;
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() != null ? p.getContainer().getChannelId() : null;
        var message = p.getMessage();
        return new SlackInbound.Action(p.getUser().getId(), p.getUser().getUsername(), channel,
                message != null ? message.getTs() : null, message != null ? message.getThreadTs() : null,
                a.getBlockId(), a.getActionId(), value, label, p.getTriggerId(), p.getResponseUrl(),
                message != null ? message.getText() : null, message != null ? message.getBlocks() : null);
    }

    static SlackInbound.FormSubmitted formSubmitted(String userId, String userName, String privateMetadata,
                                                    Map<String, String> values) throws IOException {
        JsonNode meta = JSON.readTree(privateMetadata);
        return new SlackInbound.FormSubmitted(userId, userName, meta.path("channel").asText(),
                meta.hasNonNull("thread") ? meta.get("thread").asText() : null, meta.path("form").asText(), values,
                meta.hasNonNull("message") ? meta.get("message").asText() : null);
    }

    /** "<@U123> new vonage" -> "new vonage". */
    static String withoutMentions(String text) {
        return text == null ? "" : text.replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").strip().replaceAll("\\s+", " ");
    }

    private void submit(SlackInbound inbound) {
        submit(inbound, () -> work.accept(inbound));
    }

    private void submit(SlackInbound inbound, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.error("Slack work queue is full or stopped; dropped a request from {}", inbound.userId());
        }
    }
}
