package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Who uses an org's External Client Apps, from Connect REST "OAuth Usage" (API 59.0+): {@code apps/oauth/usage}
 * (apps with usage data), {@code .../{appId}/users} and {@code .../{appId}/{userId}/tokens} (each user's refresh
 * tokens: first issued, last used, use count). Pages (page, pageSize 100) are read until one comes back short; at
 * most {@link #MAX_PAGES}. Retries of 5xx and network errors come from {@link SalesforceHttp}. Thread-safe.
 */
public final class OauthUsageApi {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 50;

    /** An app with usage data: its developer name (API name), identifier and label. */
    public record UsageApp(String developerName, String identifier, String label) { }

    /** A user of an app. */
    public record UsageUser(String userIdentifier, String username) { }

    /**
     * One refresh token of one user: when it was first issued ({@code initialConnectionAt}) and last used to issue
     * an access token ({@code lastUsedAt}), and how many access tokens it issued. Times may be null when absent.
     */
    public record UsageToken(String userIdentifier, String username, String appDeveloperName, Instant initialConnectionAt,
                             Instant lastUsedAt, int useCount, String revocationUrl) { }

    private final SalesforceHttp http;

    OauthUsageApi(SalesforceHttp http) {
        this.http = http;
    }

    /** The org's apps that have OAuth usage data (an app nobody authorized is absent). */
    public List<UsageApp> apps() {
        return pages("apps/oauth/usage", "apps", "reading the org's OAuth usage",
                n -> new UsageApp(text(n, "developerName"), text(n, "identifier"), text(n, "label")));
    }

    /** The users of app {@code appId}. */
    public List<UsageUser> users(String appId) {
        return pages("apps/oauth/usage/" + appId + "/users", "users", "reading the users of app " + appId,
                n -> new UsageUser(firstText(n, "userIdentifier", "userId", "id"), firstText(n, "username", "name")));
    }

    /** The refresh tokens user {@code userId} holds for app {@code appId}. */
    public List<UsageToken> tokens(String appId, String userId) {
        return pages("apps/oauth/usage/" + appId + "/" + userId + "/tokens", "tokens",
                "reading the refresh tokens of a user of app " + appId,
                n -> new UsageToken(text(n, "userIdentifier"), text(n, "username"), text(n, "appDeveloperName"),
                        instant(text(n, "initialConnectionAt")), instant(text(n, "lastUsedAt")), n.path("useCount").asInt(0),
                        text(n, "revocationUrl")));
    }

    private <T> List<T> pages(String relative, String property, String what, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = http.getJson(relative + "?page=" + page + "&pageSize=" + PAGE_SIZE, what);
            JsonNode items = answer == null ? null : answer.path(property);
            if (items == null || !items.isArray()) {
                throw new SalesforceException("Salesforce's answer to " + what + " in org '" + http.org().name()
                        + "' has no \"" + property + "\" list; is the API version 59.0 or later?");
            }
            items.forEach(n -> out.add(read.apply(n)));
            if (items.size() < PAGE_SIZE) return out;
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            String t = text(n, f);
            if (t != null) return t;
        }
        return null;
    }

    /** ISO-8601 with an offset ("2026-03-02T10:12:00.000Z" or "+0000"); null when absent or unreadable. */
    static Instant instant(String text) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
