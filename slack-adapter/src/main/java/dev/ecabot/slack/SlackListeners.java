package dev.ecabot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Registers the bot's listeners on a Bolt {@link App}: {@code /eca}, mentions, direct messages. Each listener
 * reads the payload, hands the work to the executor and acks at once, so Slack gets its answer well within
 * 3 s whatever the work (Salesforce) is doing. A Slack API failure in the work is told to the user in words.
 */
final class SlackListeners {

    static final String COMMAND = "/eca";
    private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);

    private final Executor executor;
    private final Consumer<SlackInbound> handler;
    private final UserNotice notice;

    SlackListeners(Executor executor, Consumer<SlackInbound> handler, UserNotice notice) {
        this.executor = executor;
        this.handler = handler;
        this.notice = notice;
    }

    void registerOn(App app) {
        app.command(COMMAND, (req, ctx) -> {
            var p = req.getPayload();
            submit(new SlackInbound.Command(p.getUserId(), p.getUserName(), p.getChannelId(), p.getText(),
                    p.getTriggerId(), p.getResponseUrl()));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
            submit(new SlackInbound.Mention(e.getUser(), e.getChannel(), withoutMentions(e.getText()), thread));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            // Only people's messages in the bot's DM: channel messages reach us as app_mention instead.
            if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null) {
                submit(new SlackInbound.DirectMessage(e.getUser(), e.getChannel(), withoutMentions(e.getText())));
            }
            return ctx.ack();
        });
    }

    /** "<@U123> new vonage" -> "new vonage". */
    static String withoutMentions(String text) {
        return text == null ? "" : text.replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").strip().replaceAll("\\s+", " ");
    }

    private void submit(SlackInbound inbound) {
        try {
            executor.execute(() -> work(inbound));
        } catch (RejectedExecutionException e) {
            log.error("Slack work queue is full or stopped; dropped a request from {}", inbound.userId());
        }
    }

    private void work(SlackInbound inbound) {
        try {
            handler.accept(inbound);
        } catch (SlackCallFailed failure) {
            notice.tell(inbound, failure.userMessage());
        } catch (RuntimeException e) {
            log.error("Handling a Slack request from {} failed", inbound.userId(), e);
            notice.tell(inbound, "Sorry, something went wrong on my side while handling that. "
                    + "Please try again; if it keeps happening, tell the bot's administrators.");
        }
    }
}
