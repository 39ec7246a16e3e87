package dev.ecabot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acks an Events API delivery whose event_id was already processed without running any listener: Slack retries
 * (X-Slack-Retry-Num) and re-deliveries to another instance do no work twice. It only reads: the id is recorded by
 * the engine in the turn the event becomes ({@link ProcessedEvents#delivery}), so a crash before that turn commits
 * leaves the retry to be processed, and a retry arriving while the first delivery is still being worked on is
 * dropped by the engine. Other request types pass through. Runs after Bolt's signature check. Thread-safe.
 */
final class EventDeduplication implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(EventDeduplication.class);

    private final ProcessedEvents processed;

    EventDeduplication(ProcessedEvents processed) {
        this.processed = processed;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Event) return chain.next(req);
        String eventId = eventId(req.getRequestBodyAsString());
        if (eventId == null || !processed.seen(eventId)) return chain.next(req);
        log.info("Ignored a repeated delivery of Slack event {} (retry {})", eventId,
                req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
        return Response.ok();
    }

    private static String eventId(String body) {
        JsonElement root = JsonParser.parseString(body);
        if (!root.isJsonObject()) return null;
        JsonObject payload = root.getAsJsonObject();
        JsonElement id = payload.get("event_id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }
}
