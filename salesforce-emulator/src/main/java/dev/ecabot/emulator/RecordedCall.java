package dev.ecabot.emulator;

import java.time.Instant;

/**
 * One request the emulator received: method, path (without the query string, so nothing secret is kept),
 * the status it answered (0 when the connection was dropped), when it answered, and how long the emulator itself
 * took from reading the request to answering (the floor the benchmarks compare the bot's own time with).
 */
public record RecordedCall(String method, String path, int status, Instant at, java.time.Duration took) {

    public RecordedCall(String method, String path, int status, Instant at) {
        this(method, path, status, at, java.time.Duration.ZERO);
    }
}
