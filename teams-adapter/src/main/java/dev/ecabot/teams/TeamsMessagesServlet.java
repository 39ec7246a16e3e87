package dev.ecabot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * {@code POST /api/messages}: the Teams endpoint. Parses the activity, hands it with its Authorization header
 * to the adapter, and answers the invoke response (status and body), else 202; 401 when authentication fails
 * (the bot never sees the activity), 400 for a body that is not an activity.
 */
public final class TeamsMessagesServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(TeamsMessagesServlet.class);
    /** Activities are small (Teams caps a message at about 28 KB); a far larger body is refused unread. */
    private static final int MAX_BODY_BYTES = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final transient TeamsBotAdapter adapter;
    private final transient Bot bot;
    private final transient TeamsProcessedActivities processed;
    private final transient Executor turns;
    private final transient java.util.concurrent.ConcurrentHashMap<String, CompletableFuture<Void>> tails =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs every turn before answering (the bot's replies go out during the request). */
    public TeamsMessagesServlet(TeamsBotAdapter adapter, Bot bot) {
        this(adapter, bot, null, null);
    }

    /**
     * Acknowledges fast: a message or card submission is authenticated, checked against the activity ids already
     * processed (a retried delivery is acknowledged and dropped) and answered 202 at once; its turn runs on
     * {@code turns}, where the bot records the id in the turn's own transaction ({@link TeamsBot}), so a crash before
     * that commit leaves a retry to be processed and a retry that overtook its first delivery is dropped there. Invokes
     * ({@code task/fetch}: the Reveal dialog) are answered with their result, as Teams needs it in the response.
     */
    public TeamsMessagesServlet(TeamsBotAdapter adapter, Bot bot, TeamsProcessedActivities processed, Executor turns) {
        this.adapter = adapter;
        this.bot = bot;
        this.processed = processed;
        this.turns = turns;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            answer(resp, 413, "An activity must be under " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        Activity activity;
        try {
            activity = JSON.readValue(body, Activity.class);
        } catch (JsonProcessingException e) {
            answer(resp, 400, "The body is not a Bot Framework activity (JSON expected): " + e.getOriginalMessage());
            return;
        }
        if (activity == null || activity.getType() == null) {
            answer(resp, 400, "The body is not a Bot Framework activity: it has no \"type\".");
            return;
        }
        if (turns != null && !activity.isType(ActivityTypes.INVOKE)) {
            acknowledgeThenRun(req, resp, activity);
            return;
        }
        InvokeResponse invokeResponse;
        try {
            invokeResponse = adapter.processIncomingActivity(req.getHeader("Authorization"), activity, bot).join();
        } catch (CompletionException | AuthenticationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuthenticationException) {
                log.warn("Refused a Teams request from {}: {}", req.getRemoteAddr(), cause.getMessage());
                answer(resp, 401, "Unauthorized");
            } else {
                log.error("Teams activity {} failed", activity.getType(), cause);
                answer(resp, 500, "The bot failed to process the activity.");
            }
            return;
        }
        if (invokeResponse == null) {
            resp.setStatus(202);
            return;
        }
        resp.setStatus(invokeResponse.getStatus());
        if (invokeResponse.getBody() != null) {
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write(toJson(invokeResponse.getBody()));
        }
    }

    private void acknowledgeThenRun(HttpServletRequest req, HttpServletResponse resp, Activity activity) throws IOException {
        Runnable turn;
        try {
            turn = adapter.authenticatedTurn(req.getHeader("Authorization"), activity, bot);
        } catch (AuthenticationException e) {
            log.warn("Refused a Teams request from {}: {}", req.getRemoteAddr(), e.getMessage());
            answer(resp, 401, "Unauthorized");
            return;
        }
        String conversation = activity.getConversation() == null ? null : activity.getConversation().getId();
        if (activity.getId() != null && processed != null && processed.seen(conversation, activity.getId())) {
            log.info("Teams delivered activity {} again; it was processed already", activity.getId());
            resp.setStatus(202);
            return;
        }
        try {
            inOrder(conversation == null ? "" : conversation, () -> {
                try {
                    turn.run();
                } catch (RuntimeException e) {
                    log.error("Teams activity {} failed", activity.getType(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            answer(resp, 503, "The bot is stopping; try again.");
            return;
        }
        resp.setStatus(202);
    }

    /** One conversation's turns run one after another, in the order Teams delivered them; others in parallel. */
    private void inOrder(String conversation, Runnable turn) {
        if (turns instanceof java.util.concurrent.ExecutorService pool && pool.isShutdown()) {
            throw new java.util.concurrent.RejectedExecutionException("stopping");
        }
        tails.compute(conversation, (key, tail) -> {
            // A turn that died (an Error) must not stop the conversation's later turns: they run after it all the same.
            CompletableFuture<Void> next = (tail == null ? CompletableFuture.<Void>completedFuture(null)
                    : tail.exceptionally(died -> null)).thenRunAsync(turn, turns);
            next.whenComplete((ok, error) -> tails.remove(key, next));
            return next;
        });
    }

    private static String toJson(Object body) throws JsonProcessingException {
        return JSON.writeValueAsString(body);
    }

    private static void answer(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(message);
    }
}
