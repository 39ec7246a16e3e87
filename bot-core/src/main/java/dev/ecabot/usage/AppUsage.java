package dev.ecabot.usage;

import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.salesforce.OauthUsageApi.UsageToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One inventory app's real use: its owner, the refresh tokens its users hold (with each one's expiry under the
 * app's policy, empty when unlimited), when it was last used and whether it counts as unused. Immutable.
 */
public record AppUsage(InventoryApp app, String owner, List<UserToken> tokens, Instant lastUsed, long idleDays,
                       boolean unused) {

    /** A user's refresh token and when it expires (empty: valid until revoked, or expiring on inactivity far away). */
    public record UserToken(UsageToken token, Optional<Instant> expiresAt) { }

    public AppUsage {
        tokens = List.copyOf(tokens);
    }

    /** How many distinct users hold a token. */
    public long users() {
        return tokens.stream().map(t -> t.token().userIdentifier()).distinct().count();
    }
}
