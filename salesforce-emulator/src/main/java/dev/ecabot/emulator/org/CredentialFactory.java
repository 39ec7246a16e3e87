package dev.ecabot.emulator.org;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes OAuth credentials shaped like Salesforce's: consumer keys are "3MVG9" followed by 80 characters of
 * [A-Za-z0-9._]; consumer secrets are 64 uppercase hex characters; access tokens are "orgId!opaque".
 * Thread-safe.
 */
public final class CredentialFactory {

    private static final String KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    private static final String TOKEN_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

    private final SecureRandom random = new SecureRandom();

    public String consumerKey() {
        StringBuilder key = new StringBuilder("3MVG9");
        for (int i = 0; i < 80; i++) {
            key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    public String consumerSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** A session id like Salesforce's: the 15-character org id, '!', then an opaque part. */
    public String accessToken(String orgId) {
        StringBuilder token = new StringBuilder(orgId.substring(0, 15)).append("!AQ");
        for (int i = 0; i < 96; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }
}
