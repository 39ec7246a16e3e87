package dev.ecabot.eca;

import java.util.List;

/** ExtlClntAppOauthSettings: the app's OAuth scopes, trusted IP ranges and single logout URL. */
public record OauthSettings(
        List<OauthScope> scopes,
        List<TrustedIpRange> trustedIpRanges,
        String singleLogoutUrl) {

    public OauthSettings {
        scopes = List.copyOf(scopes);
        trustedIpRanges = trustedIpRanges == null ? List.of() : List.copyOf(trustedIpRanges);
    }

    public static OauthSettings of(List<OauthScope> scopes) {
        return new OauthSettings(scopes, List.of(), null);
    }
}
