package dev.ecabot.emulator.http;

import dev.ecabot.emulator.auth.Session;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the emulator's resources see it, free of Jetty types: method, path, query parameters,
 * headers (names lower-cased), the whole body, and the session its bearer token opened (null before
 * authentication or on endpoints that need none).
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         byte[] body, Session session) {

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public ApiRequest withSession(Session newSession) {
        return new ApiRequest(method, path, query, headers, body, newSession);
    }
}
