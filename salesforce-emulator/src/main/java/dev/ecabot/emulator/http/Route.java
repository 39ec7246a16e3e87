package dev.ecabot.emulator.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint: an HTTP method, a path pattern (groups are handed to the handler) and whether it needs a
 * bearer session (SOAP and the token endpoint do their own authentication).
 */
public record Route(String method, Pattern path, boolean needsSession, Handler handler) {

    /** Answers one request matched by the route. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request, Matcher path) throws Exception;
    }

    public static Route get(String regex, Handler handler) {
        return new Route("GET", Pattern.compile(regex), true, handler);
    }

    public static Route post(String regex, Handler handler) {
        return new Route("POST", Pattern.compile(regex), true, handler);
    }

    public static Route patch(String regex, Handler handler) {
        return new Route("PATCH", Pattern.compile(regex), true, handler);
    }

    public static Route delete(String regex, Handler handler) {
        return new Route("DELETE", Pattern.compile(regex), true, handler);
    }

    /** The same route, reachable without a bearer session. */
    public Route open() {
        return new Route(method, path, false, handler);
    }
}
