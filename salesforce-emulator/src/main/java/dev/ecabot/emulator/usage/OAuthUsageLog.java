package dev.ecabot.emulator.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The refresh tokens users of the org's apps hold, as Salesforce's OAuth usage resources report them: one row per
 * token with the app's developer name, the user, when the token was first issued and last used, and how many access
 * tokens it issued. Tests and the demo add rows ({@link #record}); DELETE on the resource removes them. Thread-safe.
 */
public final class OAuthUsageLog {

    /** One refresh token row. {@code tokenId} is the identifier in its revocation URL. */
    public record RefreshToken(String tokenId, String appDeveloperName, String userId, String username,
                               Instant initialConnectionAt, Instant lastUsedAt, int useCount) {
        public RefreshToken {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(appDeveloperName, "appDeveloperName");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(initialConnectionAt, "initialConnectionAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        }
    }

    private final List<RefreshToken> tokens = new ArrayList<>();
    private int next = 1;

    /** Records that {@code username} (user id {@code userId}) authorized app {@code appDeveloperName}. */
    public synchronized RefreshToken record(String appDeveloperName, String userId, String username,
                                            Instant initialConnectionAt, Instant lastUsedAt, int useCount) {
        RefreshToken t = new RefreshToken(String.format("0Ci5g%013d", next++), appDeveloperName, userId, username,
                initialConnectionAt, lastUsedAt, useCount);
        tokens.add(t);
        return t;
    }

    public synchronized List<RefreshToken> all() {
        return List.copyOf(tokens);
    }

    synchronized int removeIf(java.util.function.Predicate<RefreshToken> which) {
        int before = tokens.size();
        tokens.removeIf(which);
        return before - tokens.size();
    }
}
