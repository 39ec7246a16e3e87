package dev.ecabot.salesforce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the RSA private key (PEM, PKCS#8) the bot signs its JWT bearer assertions with. */
final class PemPrivateKey {

    private PemPrivateKey() {
    }

    static RSAPrivateKey read(String org, Path file) {
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException e) {
            throw new SignInException(org, "the private key file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check privateKeyFile in ecabot.yaml and the file's permissions.");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new SignInException(org, "the private key " + file + " is not an unencrypted PKCS#8 key",
                    "Convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out bot-pkcs8.key, and point privateKeyFile at the result.");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new SignInException(org, "the file " + file + " holds no PEM private key",
                    "privateKeyFile must be a PEM file starting with -----BEGIN PRIVATE KEY-----.");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new SignInException(org, "the private key " + file + " is not a valid RSA key",
                    "Use the RSA private key whose certificate is uploaded on the bot's External Client App.");
        }
    }
}
