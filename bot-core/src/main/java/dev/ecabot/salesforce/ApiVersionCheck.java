package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET {instance}/services/data/} after signing in and refuses an org that does not serve the API
 * version ecabot.yaml asks for, saying which versions it does serve. Thread-safe.
 */
final class ApiVersionCheck {

    private final RetryingSender sender;

    ApiVersionCheck(RetryingSender sender) {
        this.sender = sender;
    }

    /** The versions {@code org} serves; throws {@link SignInException} when its configured version is not one. */
    ApiVersions check(Org org, AccessToken token) {
        ApiVersions versions = read(org, token);
        if (!versions.serves(org.apiVersion())) {
            String latest = versions.latest().orElse("none");
            boolean tooNew = ApiVersions.number(org.apiVersion()) > ApiVersions.number(latest);
            throw new SignInException(org.name(), "the org serves API versions up to " + latest + " ("
                    + ApiVersions.releaseName(latest) + ") but the bot is set to call " + org.apiVersion()
                    + (tooNew ? ", a newer release the org has not received yet" : ", which it no longer serves"),
                    "Set apiVersion: \"" + latest + "\" for org '" + org.name() + "' in ecabot.yaml (see docs/configuration.md)"
                            + (tooNew ? ", or wait for the org's upgrade to " + ApiVersions.releaseName(org.apiVersion()) : "")
                            + ", then restart the bot.");
        }
        return versions;
    }

    private ApiVersions read(Org org, AccessToken token) {
        URI uri = URI.create(Org.stripSlash(token.instanceUrl().toString()) + "/services/data/");
        HttpResponse<byte[]> response = sender.send(() -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token.value().reveal())
                .header("Accept", "application/json").GET().build(), "reading the API versions of org '" + org.name() + "'");
        JsonNode json = Json.parseOrNull(response.body());
        if (response.statusCode() != 200 || json == null || !json.isArray()) {
            throw new SignInException(org.name(), "GET " + uri + " answered HTTP " + response.statusCode()
                    + " instead of the list of API versions",
                    "Check that loginUrl in ecabot.yaml points at the org (its My Domain or login URL), not another site.");
        }
        List<String> served = new ArrayList<>();
        for (JsonNode v : json) {
            String version = v.path("version").asText("");
            if (!version.isEmpty()) served.add(version);
        }
        return new ApiVersions(served);
    }
}
