package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.vault.Secret;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Obtains access tokens from an org's OAuth token endpoint by JWT bearer or client credentials. Thread-safe. */
final class TokenEndpoint {

    private final RetryingSender sender;
    private final Clock clock;

    TokenEndpoint(RetryingSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    AccessToken requestToken(Org org) {
        Map<String, String> form = new LinkedHashMap<>();
        if (org.signIn() instanceof SignInMethod.JwtBearer jwt) {
            form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            form.put("assertion", JwtBearerAssertion.sign(org, jwt, PemPrivateKey.read(org.name(), jwt.privateKeyFile()), clock));
        } else {
            SignInMethod.ClientCredentials cc = (SignInMethod.ClientCredentials) org.signIn();
            form.put("grant_type", "client_credentials");
            form.put("client_id", cc.clientId().get());
            form.put("client_secret", cc.clientSecret().get().reveal());
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI endpoint = org.tokenEndpoint();
        HttpResponse<byte[]> response = sender.send(() -> HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "signing in to org '" + org.name() + "'");
        JsonNode json = Json.parseOrNull(response.body());
        if (response.statusCode() == 200 && json != null && json.hasNonNull("access_token") && json.hasNonNull("instance_url")) {
            return new AccessToken(Secret.of(json.get("access_token").asText()), URI.create(json.get("instance_url").asText()));
        }
        if (json != null && json.hasNonNull("error")) {
            String error = json.get("error").asText();
            String description = json.path("error_description").asText("");
            throw new SignInException(org.name(), error + (description.isEmpty() ? "" : ": " + description),
                    SignInAdvice.forError(org, error, description));
        }
        throw new SignInException(org.name(), "the token endpoint " + endpoint + " answered HTTP " + response.statusCode()
                + " without an OAuth answer", "Check loginUrl in ecabot.yaml: it must be the org's login or My Domain URL.");
    }
}
