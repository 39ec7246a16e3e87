package dev.ecabot.slack;

import com.slack.api.model.User;
import dev.ecabot.conversation.ChatUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack users as the engine's {@link ChatUser}s (platform "slack", Slack user id, display name, email), looked
 * up with users.info and cached for {@link #TTL}. When Slack cannot say, the user is still known by id and
 * the name in the payload, so a request never fails for want of a profile. Thread-safe.
 */
final class SlackUsers {

    static final String PLATFORM = "slack";
    static final Duration TTL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

    private record Cached(ChatUser user, Instant until) { }

    private final SlackWebApi api;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackUsers(SlackWebApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    ChatUser user(String userId, String nameInPayload) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && cached.until().isAfter(now)) return cached.user();
        try {
            User u = api.call("users.info", c -> c.usersInfo(r -> r.user(userId))).getUser();
            String name = firstNonBlank(u.getProfile() == null ? null : u.getProfile().getDisplayName(),
                    u.getRealName(), u.getName(), nameInPayload);
            String email = u.getProfile() == null ? null : u.getProfile().getEmail();
            ChatUser user = new ChatUser(PLATFORM, userId, name, email);
            cache.put(userId, new Cached(user, now.plus(TTL)));
            return user;
        } catch (SlackCallFailed e) {
            log.info("Using Slack user {} without a profile ({})", userId, e.error());
            return new ChatUser(PLATFORM, userId, nameInPayload, null);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
