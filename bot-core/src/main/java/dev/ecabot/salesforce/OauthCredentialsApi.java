package dev.ecabot.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.vault.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and rotates an app's consumer key and secret through Connect REST "OAuth Credentials"
 * ({@code apps/oauth/credentials/{appId}[/{consumerId}[/staged[/{stagedId}]]]}). When the org does not allow it,
 * throws {@link CredentialsAccessException} naming the org setting and permission. Thread-safe.
 */
public final class OauthCredentialsApi {

    /** Error codes Salesforce uses when the feature or the permission is off. */
    private static final Set<String> ACCESS_CODES = Set.of("FUNCTIONALITY_NOT_ENABLED", "INSUFFICIENT_ACCESS",
            "API_DISABLED_FOR_ORG", "INSUFFICIENT_ACCESS_OR_READONLY", "NOT_ENABLED");

    private final SalesforceHttp http;

    OauthCredentialsApi(SalesforceHttp http) {
        this.http = http;
    }

    /** The consumer key only (no secret leaves Salesforce). */
    public ConsumerCredentials readKey(String appId) {
        return read(appId, "key");
    }

    /** The consumer key and secret. */
    public ConsumerCredentials readKeyAndSecret(String appId) {
        ConsumerCredentials c = read(appId, "keyandsecret");
        if (c.secret().isEmpty() || c.consumerSecret().isEmpty()) {
            throw new CredentialsAccessException(http.org().name(), "the answer held the key but no secret");
        }
        return c;
    }

    /** Stages a new key + secret pair for the app's consumer (rotation step 1). */
    public StagedCredentials stage(String appId) {
        String consumerId = consumerId(appId);
        JsonNode answer = guarded(() -> http.sendJson("POST", base(appId) + "/" + consumerId + "/staged", Map.of(),
                "staging new credentials"));
        return parseStaged(answer, consumerId);
    }

    /** Reads one staged item, bare or in a {@code stagedCredentials} collection. */
    private static StagedCredentials parseStaged(JsonNode answer, String consumerId) {
        JsonNode staged = answer;
        if (answer != null && answer.has("stagedCredentials")) {
            JsonNode s = answer.get("stagedCredentials");
            staged = s.isArray() ? s.get(0) : s;
        }
        if (staged == null || staged.isNull()) throw new SalesforceException("Salesforce staged new credentials but answered none.");
        String id = firstText(staged, "id", "stagedCredentialId");
        if (id == null) id = lastSegment(firstText(staged, "stagedCredentialsUrl", "stagedCredentialsURL", "url"));
        String key = firstText(staged, "key", "consumerKey");
        String secret = firstText(staged, "secret", "consumerSecret");
        if (id == null || key == null || secret == null) {
            throw new SalesforceException("Salesforce's answer to staging credentials lacks the staged id, key or secret.");
        }
        return new StagedCredentials(id, consumerId, key, Secret.of(secret));
    }

    /**
     * Makes a staged pair the app's current credentials (rotation step 2: {@code PATCH .../staged/{id}} with
     * {@code {"command":"rotate"}}). The answer's shape is not relied on: read {@link #staged} afterwards for the
     * pair that was rotated out, which stays valid (30 days) until revoked so clients can switch over.
     */
    public void promote(String appId, StagedCredentials staged) {
        guarded(() -> http.sendJson("PATCH", base(appId) + "/" + staged.consumerId() + "/staged/" + staged.stagedId(),
                Map.of("command", "rotate"), "promoting the staged credentials"));
    }

    /**
     * What the app's staged slot holds now ({@code GET .../{consumerId}/staged}): empty, a pair staged but not
     * promoted, or the pair the last rotation replaced. Salesforce holds one at a time, so staging fails while it is
     * full. Secrets are not read.
     */
    public List<StagedSlot> staged(String appId) {
        String consumerId = consumerId(appId);
        JsonNode answer = guarded(() -> http.getJson(base(appId) + "/" + consumerId + "/staged", "reading the staged credentials"));
        JsonNode items = answer == null ? null : answer.has("stagedCredentials") ? answer.get("stagedCredentials") : answer;
        List<StagedSlot> out = new ArrayList<>();
        if (items == null || items.isNull()) return out;
        for (JsonNode item : items.isArray() ? items : List.of(items)) {
            String id = firstText(item, "id", "stagedCredentialId");
            if (id == null) id = lastSegment(firstText(item, "url"));
            if (id == null) continue;
            out.add(new StagedSlot(id, consumerId, firstText(item, "key", "consumerKey"), firstText(item, "state"),
                    firstText(item, "expirationDate")));
        }
        return out;
    }

    /** Deletes a staged pair (revokes it before it is promoted, or the previous pair after rotation). */
    public void revoke(String appId, StagedCredentials staged) {
        guarded(() -> http.sendJson("DELETE", base(appId) + "/" + staged.consumerId() + "/staged/" + staged.stagedId(), null,
                "revoking staged credentials"));
    }

    private ConsumerCredentials read(String appId, String part) {
        String consumerId = consumerId(appId);
        JsonNode answer = guarded(() -> http.getJson(base(appId) + "/" + consumerId + "?part=" + part, "reading the app's credentials"));
        String key = answer == null ? null : firstText(answer, "key");
        if (key == null) throw new CredentialsAccessException(http.org().name(), "the answer held no consumer key");
        String secret = firstText(answer, "secret");
        return new ConsumerCredentials(consumerId, key, secret == null ? null : Secret.of(secret));
    }

    private String consumerId(String appId) {
        JsonNode answer = guarded(() -> http.getJson(base(appId), "listing the app's OAuth consumers"));
        JsonNode consumers = answer == null ? null : answer.path("consumers");
        if (consumers == null || !consumers.isArray() || consumers.isEmpty()) {
            throw new SalesforceException("The app " + appId + " in org '" + http.org().name() + "' has no OAuth consumer yet:"
                    + " its OAuth settings may still be distributing; try again in a few minutes.");
        }
        String id = firstText(consumers.get(0), "id");
        return id != null ? id : lastSegment(firstText(consumers.get(0), "url"));
    }

    private static String base(String appId) {
        return "apps/oauth/credentials/" + appId;
    }

    private JsonNode guarded(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (SalesforceApiException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (e.status() == 403 || ACCESS_CODES.contains(e.errorCode()) || msg.contains("not enabled") || msg.contains("not currently enabled")) {
                // The error code says enough; Salesforce's own sentence would repeat the advice below.
                throw new CredentialsAccessException(http.org().name(), e.errorCode().isEmpty() ? e.getMessage() : e.errorCode());
            }
            throw e;
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !v.asText().isEmpty()) return v.asText();
        }
        return null;
    }

    private static String lastSegment(String url) {
        if (url == null) return null;
        String[] parts = url.split("[/?]");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals("staged")) return parts[i];
        }
        return null;
    }
}
