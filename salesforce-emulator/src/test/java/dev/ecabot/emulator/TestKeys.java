package dev.ecabot.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** The test-only certificate and key under src/test/resources/test-only-keys, and JWT assertions signed with it. */
final class TestKeys {

    static final X509Certificate CERTIFICATE = certificate();
    static final PrivateKey PRIVATE_KEY = privateKey();

    private TestKeys() {
    }

    /** An assertion as the bot would send it: RS256, iss/sub/aud, exp three minutes ahead. */
    static String assertion(String iss, String sub, String aud) {
        return assertion(PRIVATE_KEY, iss, sub, aud, Instant.now().plus(Duration.ofMinutes(3)));
    }

    static String assertion(PrivateKey key, String iss, String sub, String aud, Instant exp) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject(sub).audience(aud)
                .expirationTime(Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A freshly generated key that the registered certificate does not match. */
    static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate() {
        try (InputStream in = resource("test-only-jwt-signing.crt.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try (InputStream in = resource("test-only-jwt-signing.key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        return TestKeys.class.getResourceAsStream("/test-only-keys/" + name);
    }
}
