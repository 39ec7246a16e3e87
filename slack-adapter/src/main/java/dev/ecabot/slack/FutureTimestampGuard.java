package dev.ecabot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Refuses (401) HTTP requests whose X-Slack-Request-Timestamp lies further in the future than the allowed clock
 * skew. Bolt's own verification only refuses timestamps older than five minutes, so a signed request captured
 * with a future timestamp could otherwise be replayed for as long as that timestamp is "fresh". Stateless.
 */
final class FutureTimestampGuard implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(FutureTimestampGuard.class);
    static final String HEADER = "X-Slack-Request-Timestamp";

    private final Clock clock;
    private final Duration skew;

    FutureTimestampGuard(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) return chain.next(req);
        String value = req.getHeaders().getFirstValue(HEADER);
        long nowSeconds = clock.instant().getEpochSecond();
        try {
            long timestamp = Long.parseLong(value == null ? "" : value.trim());
            if (timestamp - nowSeconds <= skew.toSeconds()) return chain.next(req);
            log.info("Refused a Slack request timestamped {} s in the future", timestamp - nowSeconds);
        } catch (NumberFormatException e) {
            log.info("Refused a Slack request without a numeric {} header", HEADER);
        }
        return Response.json(401, "{\"error\":\"invalid request\"}");
    }
}
