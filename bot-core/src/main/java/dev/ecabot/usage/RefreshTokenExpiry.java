package dev.ecabot.usage;

import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.salesforce.OauthUsageApi.UsageToken;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a user's refresh token expires under an app's refresh token policy: a specific lifetime counts from when the
 * token was first issued, a specific inactivity from when it was last used; Infinite never expires.
 */
public final class RefreshTokenExpiry {

    private RefreshTokenExpiry() {
    }

    public static Optional<Instant> of(OauthPolicies policies, UsageToken token) {
        RefreshTokenPolicy policy = policies.refreshTokenPolicy();
        Instant from = switch (policy) {
            case SPECIFIC_LIFETIME -> token.initialConnectionAt();
            case SPECIFIC_INACTIVITY -> token.lastUsedAt() != null ? token.lastUsedAt() : token.initialConnectionAt();
            default -> null;
        };
        if (from == null || policies.refreshTokenValidityPeriod() == null || policies.refreshTokenValidityUnit() == null) {
            return Optional.empty();
        }
        int period = policies.refreshTokenValidityPeriod();
        var start = from.atZone(ZoneOffset.UTC);
        return Optional.of(switch (policies.refreshTokenValidityUnit()) {
            case HOURS -> start.plusHours(period).toInstant();
            case DAYS -> start.plusDays(period).toInstant();
            case MONTHS -> start.plusMonths(period).toInstant();
        });
    }
}
