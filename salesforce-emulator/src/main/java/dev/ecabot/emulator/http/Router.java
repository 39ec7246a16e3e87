package dev.ecabot.emulator.http;

import dev.ecabot.emulator.auth.Session;
import dev.ecabot.emulator.auth.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route for a request, checks its bearer session, and answers Salesforce's errors for the rest:
 * 401 INVALID_SESSION_ID, 404 NOT_FOUND (also for an API version the org does not serve), 405 METHOD_NOT_ALLOWED. Thread-safe once built.
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes;
    private final Sessions sessions;
    private final ApiVersions versions;

    public Router(List<Route> routes, Sessions sessions) {
        this(routes, sessions, new ApiVersions(ApiVersions.DEFAULT_LATEST));
    }

    public Router(List<Route> routes, Sessions sessions, ApiVersions versions) {
        this.routes = List.copyOf(routes);
        this.sessions = sessions;
        this.versions = versions;
    }

    public ApiResponse dispatch(ApiRequest request) {
        Optional<ApiResponse> unservedVersion = versions.refusal(request.path());
        if (unservedVersion.isPresent()) return unservedVersion.get();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                allowed.add(route.method());
                continue;
            }
            ApiRequest authenticated = request;
            if (route.needsSession()) {
                Optional<Session> session = bearerToken(request).flatMap(sessions::find);
                if (session.isEmpty()) {
                    return ApiResponse.restError(401, "INVALID_SESSION_ID", "Session expired or invalid");
                }
                authenticated = request.withSession(session.get());
            }
            try {
                return route.handler().handle(authenticated, matcher);
            } catch (Exception e) {
                log.error("{} {} failed inside the emulator", request.method(), request.path(), e);
                return ApiResponse.restError(500, "UNKNOWN_EXCEPTION",
                        "An unexpected error occurred in the emulated org: " + e.getClass().getSimpleName());
            }
        }
        if (!allowed.isEmpty()) {
            return ApiResponse.restError(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + request.method()
                    + "' not allowed. Allowed are " + String.join(",", new ArrayList<>(allowed)));
        }
        return ApiResponse.notFound();
    }

    /** Salesforce accepts "Bearer <token>" and the older "OAuth <token>". */
    private static Optional<String> bearerToken(ApiRequest request) {
        return request.header("authorization").flatMap(value -> {
            for (String scheme : List.of("Bearer ", "OAuth ")) {
                if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                    return Optional.of(value.substring(scheme.length()).trim());
                }
            }
            return Optional.empty();
        });
    }
}
