package dev.ecabot.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2.0 JWT bearer flow: checks an RS256 assertion against the registered app's certificate, then
 * iss (the consumer key), aud (login or test.salesforce.com), exp (in the future; a number or a numeric
 * string) and sub (or its older name prn: a pre-authorised username). Refusals carry Salesforce's error codes and descriptions.
 * Thread-safe.
 */
public final class JwtBearerGrant {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Logger log = LoggerFactory.getLogger(JwtBearerGrant.class);

    private final AuthRegistry registry;

    public JwtBearerGrant(AuthRegistry registry) {
        this.registry = registry;
    }

    /** The username the assertion signs in. */
    public String verify(String assertion, Instant now) throws OAuthError {
        if (assertion == null || assertion.isBlank()) {
            throw refuse("invalid_grant", "invalid assertion", "no assertion parameter");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        Object expClaim;
        try {
            jwt = SignedJWT.parse(assertion.trim());
            // exp is read apart: Salesforce also takes it as a numeric string, which the JWT library refuses.
            java.util.Map<String, Object> payload = new java.util.HashMap<>(jwt.getPayload().toJSONObject());
            expClaim = payload.remove("exp");
            claims = JWTClaimsSet.parse(payload);
        } catch (ParseException | NullPointerException e) {
            throw refuse("invalid_grant", "invalid assertion", "the assertion is not a signed JWT");
        }
        AuthRegistry.JwtApp app = registry.jwtApp(claims.getIssuer()).orElseThrow(() ->
                refuse("invalid_client_id", "client identifier invalid", "iss is not a registered consumer key"));
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !signatureMatches(jwt, app)) {
            throw refuse("invalid_grant", "invalid assertion",
                    "the signature does not match the certificate registered for the app");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(app.environment().audience())) {
            throw refuse("invalid_grant", "audience is invalid", "aud must be " + app.environment().audience());
        }
        Instant exp = expiry(expClaim);
        if (exp == null || !exp.isAfter(now)) {
            throw refuse("invalid_grant", "expired authorization code", "exp is missing or in the past");
        }
        // No upper bound: the Salesforce CLI sends exp = Date.now() + 300 (milliseconds read as seconds, far in the
        // future) and real orgs accept it.
        String subject = claims.getSubject();
        if (subject == null && claims.getClaim("prn") instanceof String prn) subject = prn;   // the older name of sub
        String user = subject;
        if (user == null || app.usernames().stream().noneMatch(user::equalsIgnoreCase)) {
            throw refuse("invalid_grant", "user hasn't approved this consumer",
                    "sub is not a user pre-authorised for the app");
        }
        return subject;
    }

    /** exp as a number of seconds, a numeric string, or a date (as the JWT library parsed it). */
    private static Instant expiry(Object exp) {
        if (exp instanceof Date date) return date.toInstant();
        try {
            if (exp instanceof Number n) return Instant.ofEpochSecond(n.longValue());
            if (exp instanceof String text) return Instant.ofEpochSecond(Long.parseLong(text.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static boolean signatureMatches(SignedJWT jwt, AuthRegistry.JwtApp app) {
        try {
            return jwt.verify(new RSASSAVerifier((RSAPublicKey) app.certificate().getPublicKey()));
        } catch (JOSEException | ClassCastException e) {
            return false;
        }
    }

    private static OAuthError refuse(String error, String description, String why) {
        log.info("JWT bearer sign-in refused ({}: {}): {}", error, description, why);
        return new OAuthError(error, description);
    }
}
