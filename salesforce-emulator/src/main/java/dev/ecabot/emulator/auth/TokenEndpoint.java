package dev.ecabot.emulator.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.http.ApiRequest;
import dev.ecabot.emulator.http.ApiResponse;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.org.OrgState;
import dev.ecabot.emulator.org.OrgUsers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /services/oauth2/token: signs users in by JWT bearer or client credentials and answers like Salesforce
 * (access_token, instance_url, id, token_type, issued_at, signature; or HTTP 400 {"error","error_description"}).
 * Thread-safe.
 */
public final class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private final JwtBearerGrant jwtBearer;
    private final ClientCredentialsGrant clientCredentials;
    private final Sessions sessions;
    private final OrgUsers users;
    private final String orgId;
    private final Supplier<String> baseUrl;
    private final byte[] signingKey = new byte[32];

    public TokenEndpoint(AuthRegistry registry, OrgState org, Sessions sessions, OrgUsers users, Supplier<String> baseUrl) {
        this.jwtBearer = new JwtBearerGrant(registry);
        this.clientCredentials = new ClientCredentialsGrant(registry, org);
        this.sessions = sessions;
        this.users = users;
        this.orgId = org.orgId();
        this.baseUrl = baseUrl;
        new SecureRandom().nextBytes(signingKey);
    }

    public ApiResponse handle(ApiRequest request) {
        Map<String, String> form = formFields(request.bodyText());
        Instant now = Instant.now();
        try {
            String grantType = form.getOrDefault("grant_type", "");
            String username = switch (grantType) {
                case JwtBearerGrant.GRANT_TYPE -> jwtBearer.verify(form.get("assertion"), now);
                case ClientCredentialsGrant.GRANT_TYPE -> clientCredentials.verify(form, request.header("authorization"));
                default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
            };
            return success(username, grantType, now);
        } catch (OAuthError e) {
            ObjectNode body = Json.object().put("error", e.error()).put("error_description", e.description());
            return ApiResponse.json(400, body);
        }
    }

    private ApiResponse success(String username, String grantType, Instant now) {
        String userId = users.idOf(username);
        String token = sessions.open(username, userId, now);
        String id = baseUrl.get() + "/id/" + orgId + "/" + userId;
        String issuedAt = String.valueOf(now.toEpochMilli());
        log.info("{} sign-in for {}", grantType.equals(JwtBearerGrant.GRANT_TYPE) ? "JWT bearer" : "client credentials",
                username);
        ObjectNode body = Json.object()
                .put("access_token", token)
                .put("scope", "api")
                .put("instance_url", baseUrl.get())
                .put("id", id)
                .put("token_type", "Bearer")
                .put("issued_at", issuedAt)
                .put("signature", sign(id + issuedAt));
        return ApiResponse.json(200, body);
    }

    /** Salesforce signs id + issued_at with HMAC-SHA256 so clients can check the answer was not altered. */
    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
