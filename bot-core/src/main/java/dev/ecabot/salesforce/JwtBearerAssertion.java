package dev.ecabot.salesforce;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Builds the RS256 assertion of the OAuth 2.0 JWT bearer flow: iss = the bot's consumer key, sub = the username,
 * aud = login.salesforce.com or test.salesforce.com by environment, exp three minutes ahead (Salesforce allows
 * at most a few minutes).
 */
final class JwtBearerAssertion {

    static final Duration LIFETIME = Duration.ofMinutes(3);

    private JwtBearerAssertion() {
    }

    static String sign(Org org, SignInMethod.JwtBearer method, RSAPrivateKey key, Clock clock) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(method.consumerKey())
                .subject(method.username())
                .audience(org.environment().loginHost().toString())
                .expirationTime(Date.from(clock.instant().plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new SignInException(org.name(), "the JWT assertion could not be signed (" + e.getMessage() + ")",
                    "Check that privateKeyFile holds an RSA key of at least 2048 bits.");
        }
        return jwt.serialize();
    }
}
