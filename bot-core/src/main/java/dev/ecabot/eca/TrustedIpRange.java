package dev.ecabot.eca;

import java.util.Objects;

/** One trusted IP range of ExtlClntAppOauthSettings.trustedIpRanges (IPv4, inclusive). */
public record TrustedIpRange(String startIpAddress, String endIpAddress, String description) {

    public TrustedIpRange {
        Objects.requireNonNull(startIpAddress, "startIpAddress");
        Objects.requireNonNull(endIpAddress, "endIpAddress");
    }
}
