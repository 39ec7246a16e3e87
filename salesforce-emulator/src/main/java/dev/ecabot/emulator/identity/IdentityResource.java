package dev.ecabot.emulator.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.auth.Session;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.ApiVersions;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.http.Route;
import dev.ecabot.emulator.org.OrgState;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Who is signed in, as standard clients ask after sign-in: {@code GET /services/oauth2/userinfo} (OpenID Connect),
 * {@code GET /id/{orgId}/{userId}} (the identity URL the token answer names), {@code GET .../sobjects/User/{id}},
 * and {@code GET /services/data/vXX.X} (the version's resources, naming the identity URL). Field names follow
 * Salesforce's identity URL and userinfo documentation. (The OAuth usage resources live in
 * {@code usage.OAuthUsageResource}.) Thread-safe.
 */
public final class IdentityResource {

    private final OrgState org;
    private final Supplier<String> baseUrl;
    private final ApiVersions versions;

    public IdentityResource(OrgState org, Supplier<String> baseUrl, ApiVersions versions) {
        this.org = org;
        this.baseUrl = baseUrl;
        this.versions = versions;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/services/oauth2/userinfo", (request, path) -> ApiResponse.json(200, userinfo(request.session()))),
                Route.get("/id/(00D[A-Za-z0-9]{12,15})/(005[A-Za-z0-9]{12,15})", this::identity),
                Route.get("/services/data/v([0-9.]+)/sobjects/User/(005[A-Za-z0-9]{12,15})", this::user),
                Route.get("/services/data/v([0-9.]+)/?", this::resources));
    }

    /** {@code GET /services/data/vXX.X}: the version's resources, with the caller's identity URL (jsforce reads it). */
    private ApiResponse resources(ApiRequest request, Matcher path) {
        String v = "/services/data/v" + path.group(1);
        ObjectNode body = Json.object();
        for (String name : List.of("tooling", "metadata", "eclair", "folders", "prechatForms", "async-queries", "query",
                "serviceTemplates", "chatter", "tabs", "appMenu", "quickActions", "queryAll", "commerce", "wave",
                "iot", "analytics", "search", "smartdatadiscovery", "identity", "composite", "parameterizedSearch",
                "fingerprint", "theme", "nouns", "domino", "event", "serviceTemplates", "recent", "connect", "licensing",
                "limits", "process", "async", "dedupe", "actions", "support", "sobjects", "apps")) {
            body.put(name, v + "/" + name);
        }
        body.put("identity", baseUrl.get() + "/id/" + org.orgId() + "/" + request.session().userId());
        return ApiResponse.json(200, body);
    }

    private ObjectNode userinfo(Session session) {
        String id = baseUrl.get() + "/id/" + org.orgId() + "/" + session.userId();
        return Json.object()
                .put("sub", id)
                .put("user_id", session.userId())
                .put("organization_id", org.orgId())
                .put("preferred_username", session.username())
                .put("nickname", nickname(session.username()))
                .put("name", nickname(session.username()))
                .put("email", session.username())
                .put("email_verified", true)
                .put("zoneinfo", "GMT")
                .put("locale", "en_US")
                .put("language", "en_US")
                .put("active", true)
                .put("user_type", "STANDARD")
                .put("utcOffset", 0)
                .put("updated_at", Json.date(session.issuedAt()))
                .set("urls", urls(session.userId()));
    }

    private ApiResponse identity(ApiRequest request, Matcher path) {
        Session session = request.session();
        if (!path.group(1).equals(org.orgId()) || !path.group(2).equals(session.userId())) {
            // Salesforce answers the identity URL only for the token's own user.
            return ApiResponse.json(403, Json.array().add("Bad_Id"));
        }
        ObjectNode body = Json.object()
                .put("id", baseUrl.get() + "/id/" + org.orgId() + "/" + session.userId())
                .put("asserted_user", true)
                .put("user_id", session.userId())
                .put("organization_id", org.orgId())
                .put("username", session.username())
                .put("nick_name", nickname(session.username()))
                .put("display_name", nickname(session.username()))
                .put("email", session.username())
                .put("email_verified", true)
                .put("active", true)
                .put("user_type", "STANDARD")
                .put("language", "en_US")
                .put("locale", "en_US")
                .put("utcOffset", 0)
                .put("last_modified_date", Json.date(session.issuedAt()))
                .put("is_app_installed", true);
        body.set("urls", urls(session.userId()));
        return ApiResponse.json(200, body);
    }

    private ApiResponse user(ApiRequest request, Matcher path) {
        Session session = request.session();
        if (!path.group(2).equals(session.userId())) {
            return ApiResponse.json(404, Json.array().add(Json.object().put("errorCode", "NOT_FOUND")
                    .put("message", "The requested resource does not exist")));
        }
        ObjectNode user = Json.object();
        user.putObject("attributes").put("type", "User")
                .put("url", "/services/data/v" + path.group(1) + "/sobjects/User/" + session.userId());
        user.put("Id", session.userId()).put("Username", session.username()).put("Name", nickname(session.username()))
                .put("Email", session.username()).put("IsActive", true).put("UserType", "Standard")
                .put("LanguageLocaleKey", "en_US").put("TimeZoneSidKey", "GMT");
        return ApiResponse.json(200, user);
    }

    private ObjectNode urls(String userId) {
        String v = versions.latest() + ".0";
        String data = baseUrl.get() + "/services/data/v{version}/";
        ObjectNode urls = Json.object()
                .put("enterprise", baseUrl.get() + "/services/Soap/c/{version}/" + org.orgId().substring(0, 15))
                .put("metadata", baseUrl.get() + "/services/Soap/m/{version}/" + org.orgId().substring(0, 15))
                .put("partner", baseUrl.get() + "/services/Soap/u/{version}/" + org.orgId().substring(0, 15))
                .put("rest", data)
                .put("sobjects", data + "sobjects/")
                .put("search", data + "search/")
                .put("query", data + "query/")
                .put("recent", data + "recent/")
                .put("profile", baseUrl.get() + "/" + userId)
                .put("custom_domain", baseUrl.get());
        urls.put("latest_version", v);
        return urls;
    }

    private static String nickname(String username) {
        int at = username.indexOf('@');
        return at > 0 ? username.substring(0, at) : username;
    }
}
