package dev.ecabot.emulator.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.http.Route;
import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.org.Component;
import dev.ecabot.emulator.org.OrgState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Connect REST "OAuth Usage" for External Client Apps (API 59.0+), in Salesforce's documented shapes:
 * GET .../apps/oauth/usage (apps with usage data: {@code apps[]} of developerName, identifier, label; paged by
 * page/pageSize, default 100, {@code currentPageUrl} and {@code nextPageUrl} on every page),
 * GET .../usage/{app}/users ({@code users[]}), GET and DELETE .../usage/{app}/{user}/tokens ({@code tokens[]} of
 * App OAuth Usage Token: accessTokenFormat, appDeveloperName, appIdentifier, initialConnectionAt, lastUsedAt,
 * revocationUrl, useCount, userIdentifier, username), DELETE .../usage/{app}/tokens and .../usage/tokens/{token}.
 * A page past the last answers an empty array. Thread-safe.
 */
public final class OAuthUsageResource {

    private static final String BASE = "/services/data/(v\\d+\\.\\d)/apps/oauth/usage";
    private static final String ID = "([A-Za-z0-9]{15,18})";

    private final OrgState org;
    private final OAuthUsageLog log;

    public OAuthUsageResource(OrgState org, OAuthUsageLog log) {
        this.org = org;
        this.log = log;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(BASE, this::apps),
                Route.delete(BASE + "/tokens/" + ID, this::deleteToken),
                Route.get(BASE + "/" + ID + "/users", this::users),
                Route.delete(BASE + "/" + ID + "/tokens", this::deleteAppTokens),
                Route.get(BASE + "/" + ID + "/" + ID + "/tokens", this::tokens),
                Route.delete(BASE + "/" + ID + "/" + ID + "/tokens", this::deleteUserTokens));
    }

    private ApiResponse apps(ApiRequest request, Matcher path) {
        List<Component> used = new ArrayList<>();
        for (Component app : org.components(MetadataType.EXTERNAL_CLIENT_APPLICATION)) {
            if (log.all().stream().anyMatch(t -> t.appDeveloperName().equalsIgnoreCase(app.fullName()))) used.add(app);
        }
        return page(request, path.group(0), "apps", used, (app, out) -> out.addObject()
                .put("developerName", app.fullName())
                .put("identifier", app.id())
                .put("label", app.field("label").orElse(app.fullName())));
    }

    private ApiResponse users(ApiRequest request, Matcher path) {
        Optional<Component> app = org.appById(path.group(2));
        if (app.isEmpty()) return ApiResponse.notFound();
        Map<String, OAuthUsageLog.RefreshToken> byUser = new LinkedHashMap<>();
        for (OAuthUsageLog.RefreshToken t : tokensOf(app.get())) byUser.putIfAbsent(t.userId(), t);
        return page(request, path.group(0), "users", new ArrayList<>(byUser.values()), (t, out) -> out.addObject()
                .put("userIdentifier", t.userId())
                .put("username", t.username())
                .put("appDeveloperName", t.appDeveloperName())
                .put("appIdentifier", app.get().id()));
    }

    private ApiResponse tokens(ApiRequest request, Matcher path) {
        Optional<Component> app = org.appById(path.group(2));
        if (app.isEmpty()) return ApiResponse.notFound();
        String version = path.group(1);
        List<OAuthUsageLog.RefreshToken> mine = tokensOf(app.get()).stream()
                .filter(t -> t.userId().equals(path.group(3))).toList();
        return page(request, path.group(0), "tokens", mine, (t, out) -> out.addObject()
                .put("accessTokenFormat", "Opaque")
                .put("appDeveloperName", t.appDeveloperName())
                .put("appIdentifier", app.get().id())
                .put("initialConnectionAt", t.initialConnectionAt().toString())
                .put("lastUsedAt", t.lastUsedAt().toString())
                .put("revocationUrl", "/services/data/" + version + "/apps/oauth/usage/tokens/" + t.tokenId())
                .put("useCount", t.useCount())
                .put("userIdentifier", t.userId())
                .put("username", t.username()));
    }

    private ApiResponse deleteUserTokens(ApiRequest request, Matcher path) {
        Optional<Component> app = org.appById(path.group(2));
        if (app.isEmpty()) return ApiResponse.notFound();
        log.removeIf(t -> t.appDeveloperName().equalsIgnoreCase(app.get().fullName()) && t.userId().equals(path.group(3)));
        return ApiResponse.noContent();
    }

    private ApiResponse deleteAppTokens(ApiRequest request, Matcher path) {
        Optional<Component> app = org.appById(path.group(2));
        if (app.isEmpty()) return ApiResponse.notFound();
        log.removeIf(t -> t.appDeveloperName().equalsIgnoreCase(app.get().fullName()));
        return ApiResponse.noContent();
    }

    private ApiResponse deleteToken(ApiRequest request, Matcher path) {
        return log.removeIf(t -> t.tokenId().equals(path.group(2))) > 0 ? ApiResponse.noContent() : ApiResponse.notFound();
    }

    private List<OAuthUsageLog.RefreshToken> tokensOf(Component app) {
        return log.all().stream().filter(t -> t.appDeveloperName().equalsIgnoreCase(app.fullName())).toList();
    }

    private <T> ApiResponse page(ApiRequest request, String url, String property, List<T> items,
                                 java.util.function.BiConsumer<T, ArrayNode> write) {
        int page;
        int size;
        try {
            page = Integer.parseInt(request.queryParam("page").orElse("0"));
            size = Integer.parseInt(request.queryParam("pageSize").orElse("100"));
        } catch (NumberFormatException e) {
            return ApiResponse.restError(400, "INVALID_API_INPUT", "page and pageSize must be whole numbers");
        }
        if (page < 0 || size < 1 || size > 100) {
            return ApiResponse.restError(400, "INVALID_API_INPUT", "page must be 0 or more and pageSize 1 to 100");
        }
        ObjectNode body = Json.object();
        ArrayNode out = body.putArray(property);
        items.stream().skip((long) page * size).limit(size).forEach(item -> write.accept(item, out));
        body.put("currentPageUrl", url + "?page=" + page + "&pageSize=" + size);
        body.put("nextPageUrl", url + "?page=" + (page + 1) + "&pageSize=" + size);
        return ApiResponse.json(200, body);
    }
}
