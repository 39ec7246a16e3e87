package dev.ecabot.emulator.auth;

import java.time.Instant;

/** A signed-in user's session: who, and until when the access token is honoured. */
public record Session(String username, String userId, Instant issuedAt, Instant expiresAt) {
}
