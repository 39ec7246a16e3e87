package dev.ecabot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionException;

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

    public TeamsMessagesServlet(TeamsBotAdapter adapter, Bot bot) {
        this.adapter = adapter;
        this.bot = bot;
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
