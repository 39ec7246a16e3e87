package dev.ecabot.emulator;

import java.time.Instant;

/**
 * One request the emulator received: method, path (without the query string, so nothing secret is kept),
 * the status it answered (0 when the connection was dropped) and when.
 */
public record RecordedCall(String method, String path, int status, Instant at) {
}
