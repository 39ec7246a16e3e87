package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.vault.Secret;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * "Test it" for a client credentials app: reads the app's consumer key and secret from the org (Connect REST) and asks
 * the org's token endpoint (its My Domain, where client credentials requests must go) for a token as the app's
 * run-as user, exactly as the vendor's integration will. The token is never kept, logged or shown: only whether one
 * was issued, or Salesforce's error and description. The secret stays in memory for the one request. Thread-safe.
 */
public final class ClientCredentialsTrial {

    /** What the token endpoint answered: issued, or refused with Salesforce's {@code error} and description. */
    public record Outcome(boolean issued, URI endpoint, String error, String description) {

        /** Salesforce's own words for a refusal ("invalid_client_id: client identifier invalid"). */
        public String refusal() {
            return error + (description == null || description.isBlank() ? "" : ": " + description);
        }
    }

    private final SalesforceHttp http;
    private final ExternalClientApps apps;
    private final OauthCredentialsApi credentials;

    ClientCredentialsTrial(SalesforceHttp http, ExternalClientApps apps, OauthCredentialsApi credentials) {
        this.http = http;
        this.apps = apps;
        this.credentials = credentials;
    }

    /**
     * Requests a client credentials token for app {@code apiName}. Throws {@link AppNotFoundException} when the org has
     * no such app and {@link CredentialsAccessException} when the bot may not read its secret.
     */
    public Outcome run(String apiName) {
        OrgApp app = apps.require(apiName);
        ConsumerCredentials pair = credentials.readKeyAndSecret(app.id());
        URI endpoint = URI.create(Org.stripSlash(http.signIn().instanceUrl().toString()) + "/services/oauth2/token");
        Secret secret = pair.secret().orElseThrow();
        HttpResponse<byte[]> response = http.sendUnauthenticated(() -> HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(pair.consumerKey(), StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(secret.reveal(), StandardCharsets.UTF_8))).build(),
                "requesting a client credentials token for " + apiName);
        JsonNode json = Json.parseOrNull(response.body());
        if (response.statusCode() == 200 && json != null && json.hasNonNull("access_token")) {
            return new Outcome(true, endpoint, null, null); // the token itself goes no further than this line
        }
        if (json != null && json.hasNonNull("error")) {
            return new Outcome(false, endpoint, json.get("error").asText(), json.path("error_description").asText(""));
        }
        return new Outcome(false, endpoint, "HTTP " + response.statusCode(), "the token endpoint gave no OAuth answer");
    }
}
