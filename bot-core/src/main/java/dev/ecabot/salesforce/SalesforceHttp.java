package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Authenticated calls to one org's APIs: adds the bearer token, renews it once when Salesforce answers
 * 401 / INVALID_SESSION_ID and repeats the call, retries network errors and 5xx (via {@link RetryingSender}),
 * and turns 4xx answers into {@link SalesforceApiException}s carrying Salesforce's errorCode and message.
 * Thread-safe.
 */
final class SalesforceHttp {

    private final OrgSession session;
    private final RetryingSender sender;

    SalesforceHttp(OrgSession session, RetryingSender sender) {
        this.session = session;
        this.sender = sender;
    }

    Org org() {
        return session.org();
    }

    /** Signs in if needed; a failure surfaces as {@link SignInException}. */
    AccessToken signIn() {
        return session.token();
    }

    /** Sends a request that carries no session of the bot's (e.g. to the token endpoint), with the usual retries. */
    HttpResponse<byte[]> sendUnauthenticated(java.util.function.Supplier<HttpRequest> request, String what) {
        return sender.send(request, what);
    }

    ApiVersions versions() {
        return session.versions();
    }

    /** {@code {instance}/services/data/v{version}/{relative}}. */
    URI dataUrl(AccessToken token, String relative) {
        return URI.create(Org.stripSlash(token.instanceUrl().toString()) + "/services/data/v" + org().apiVersion() + "/" + relative);
    }

    JsonNode getJson(String relative, String what) {
        return json(send(t -> request(t, relative).GET().build(), what));
    }

    /** Sends {@code body} (null: none) as JSON with {@code method}; answers the parsed JSON body or null when empty. */
    JsonNode sendJson(String method, String relative, Object body, String what) {
        byte[] bytes = body == null ? new byte[0] : writeJson(body);
        return json(send(t -> request(t, relative)
                .header("Content-Type", "application/json")
                .method(method, bytes.length == 0 && method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), what));
    }

    HttpRequest.Builder request(AccessToken token, String relative) {
        return HttpRequest.newBuilder(dataUrl(token, relative))
                .header("Authorization", "Bearer " + token.value().reveal())
                .header("Accept", "application/json");
    }

    /** Sends a REST request; a 4xx answer becomes a {@link SalesforceApiException}. */
    HttpResponse<byte[]> send(Function<AccessToken, HttpRequest> build, String what) {
        HttpResponse<byte[]> response = authenticated(build, what, r -> r.statusCode() >= 500, r -> r.statusCode() == 401);
        if (response.statusCode() >= 400) throw apiError(response);
        return response;
    }

    /**
     * Sends with token renewal: {@code expired} says whether an answer means the session is no longer valid
     * (REST: 401; SOAP: an INVALID_SESSION_ID fault). The answer is returned whatever its status.
     */
    HttpResponse<byte[]> authenticated(Function<AccessToken, HttpRequest> build, String what,
                                       Predicate<HttpResponse<byte[]>> retryable, Predicate<HttpResponse<byte[]>> expired) {
        AccessToken token = session.token();
        AccessToken used = token;
        HttpResponse<byte[]> response = sender.send(() -> build.apply(used), what, retryable);
        if (expired.test(response)) {
            AccessToken renewed = session.renew(token);
            response = sender.send(() -> build.apply(renewed), what, retryable);
            if (expired.test(response)) {
                throw new SignInException(org().name(), "Salesforce rejected a freshly issued session while " + what,
                        "The bot's user may have lost API access (the 'API Enabled' permission) or the session settings"
                        + " lock sessions to another IP; check the user in this org.");
            }
        }
        return response;
    }

    private SalesforceApiException apiError(HttpResponse<byte[]> response) {
        JsonNode json = Json.parseOrNull(response.body());
        JsonNode first = json != null && json.isArray() && json.size() > 0 ? json.get(0) : json;
        String code = first == null ? "" : first.path("errorCode").asText("");
        String message = first == null ? "" : first.path("message").asText("");
        if (message.isEmpty()) {
            message = "Salesforce answered HTTP " + response.statusCode() + " to " + response.request().method() + " "
                    + response.request().uri().getPath();
        }
        return new SalesforceApiException(response.statusCode(), code, message);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        JsonNode json = Json.parseOrNull(response.body());
        if (json == null && response.body().length > 0) {
            throw new SalesforceException("Salesforce answered something that is not JSON to "
                    + response.request().method() + " " + response.request().uri().getPath() + ".");
        }
        return json;
    }

    static byte[] writeJson(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
