package dev.ecabot.teams;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for login.botframework.com: serves the OpenID metadata document and a JWKS with one RSA key
 * endorsed for "msteams" (the real documents' shape), and signs channel tokens the way Bot Framework does
 * (iss https://api.botframework.com, aud = bot app id, serviceurl claim). Also forges tokens with a key it
 * does not publish, to prove they are refused.
 */
final class FakeBotFrameworkLogin implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";

    private final HttpServer server;
    private final RSAKey publishedKey;
    private final RSAKey unpublishedKey;

    FakeBotFrameworkLogin() throws Exception {
        publishedKey = new RSAKeyGenerator(2048).keyID("local-bf-key").keyUse(KeyUse.SIGNATURE).generate();
        unpublishedKey = new RSAKeyGenerator(2048).keyID("local-bf-key").keyUse(KeyUse.SIGNATURE).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/.well-known/openidconfiguration", ex -> respond(ex, """
                {"issuer":"https://api.botframework.com",
                 "authorization_endpoint":"https://invalid.botframework.com",
                 "jwks_uri":"%s",
                 "id_token_signing_alg_values_supported":["RS256"],
                 "token_endpoint_auth_methods_supported":["private_key_jwt"]}""".formatted(base() + "/v1/.well-known/keys")));
        server.createContext("/v1/.well-known/keys", ex -> {
            Map<String, Object> jwk = new java.util.LinkedHashMap<>(publishedKey.toPublicJWK().toJSONObject());
            jwk.put("endorsements", List.of("msteams", "skype", "webchat", "directline", "emulator"));
            respond(ex, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of("keys", List.of(jwk))));
        });
        server.start();
    }

    String openIdMetadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    /** "Bearer ..." as Bot Framework sends it to the bot with {@code appId} for activities from {@code serviceUrl}. */
    String channelToken(String appId, String serviceUrl) {
        return sign(publishedKey, claims(appId, serviceUrl, Instant.now().plus(Duration.ofMinutes(30))));
    }

    String expiredToken(String appId, String serviceUrl) {
        return sign(publishedKey, claims(appId, serviceUrl, Instant.now().minus(Duration.ofMinutes(30))));
    }

    /** A well-formed token with the right claims and key id, signed by a key Bot Framework never published. */
    String forgedToken(String appId, String serviceUrl) {
        return sign(unpublishedKey, claims(appId, serviceUrl, Instant.now().plus(Duration.ofMinutes(30))));
    }

    private static JWTClaimsSet claims(String appId, String serviceUrl, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(appId)
                .claim("serviceurl", serviceUrl)
                .notBeforeTime(Date.from(expiry.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiry))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
