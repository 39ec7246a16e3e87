package dev.ecabot.testing;

import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.emulator.LoginEnvironment;
import dev.ecabot.emulator.SalesforceEmulator;
import dev.ecabot.salesforce.DeployPolling;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.RetryPolicy;
import dev.ecabot.salesforce.SalesforceClientSettings;
import dev.ecabot.salesforce.SignInMethod;
import dev.ecabot.vault.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A running salesforce-emulator org for tests, with the bot's sign-in registered, and {@link Org}s pointing at it.
 * Uses the test-only key pair in src/test/resources/test-only-keys. Close it after the test.
 */
public final class EmulatedOrgs implements AutoCloseable {

    public static final String BOT_CONSUMER_KEY = "3MVG9TestOnlyEcaBotKey";
    public static final String BOT_USER = "ecabot@acme.example.org";
    public static final String CLIENT_ID = "3MVG9TestOnlyClientId";
    public static final String CLIENT_SECRET = "test-only-client-secret";

    /** Fast retries and polling, so fault tests take milliseconds. */
    public static final SalesforceClientSettings FAST = SalesforceClientSettings.defaults()
            .withRetry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)))
            .withPolling(new DeployPolling(Duration.ofMillis(10), 1.5, Duration.ofMillis(50), Duration.ofSeconds(20)));

    private final SalesforceEmulator emulator;

    private EmulatedOrgs(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    /** An org whose deploys take {@code deployDelay}, trusting the bot by JWT (production) and client credentials. */
    public static EmulatedOrgs start(Duration deployDelay) {
        return start(SalesforceEmulator.builder().deployDelay(deployDelay));
    }

    /** As {@link #start(Duration)}, for an emulator set up by {@code builder} (e.g. an older API version). */
    public static EmulatedOrgs start(SalesforceEmulator.Builder builder) {
        SalesforceEmulator emulator = builder.build().start();
        emulator.org().registerJwtBearerApp(BOT_CONSUMER_KEY, certificate("bot.crt.pem"), LoginEnvironment.PRODUCTION, BOT_USER);
        emulator.org().registerClientCredentials(CLIENT_ID, CLIENT_SECRET, BOT_USER);
        return new EmulatedOrgs(emulator);
    }

    public SalesforceEmulator emulator() {
        return emulator;
    }

    public URI baseUrl() {
        return URI.create(emulator.baseUrl());
    }

    /** The org signed in to by JWT bearer with the bot's key, as {@code environment}. */
    public Org jwtOrg(String name, OrgEnvironment environment) {
        return new Org(name, environment, baseUrl(), "68.0",
                new SignInMethod.JwtBearer(BOT_CONSUMER_KEY, BOT_USER, keyFile("bot.key.pem")), false);
    }

    /** The org signed in to by client credentials. */
    public Org clientCredentialsOrg(String name) {
        return new Org(name, OrgEnvironment.PRODUCTION, baseUrl(), "68.0",
                SignInMethod.ClientCredentials.of(CLIENT_ID, Secret.of(CLIENT_SECRET)), false);
    }

    /** A file of src/test/resources/test-only-keys (copied out when read from the test jar by other modules). */
    public static Path keyFile(String name) {
        java.net.URL url = EmulatedOrgs.class.getResource("/test-only-keys/" + name);
        try {
            if ("file".equals(url.getProtocol())) return Path.of(url.toURI());
            Path copy = java.nio.file.Files.createTempFile("ecabot-test-", "-" + name);
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static X509Certificate certificate(String name) {
        try (InputStream in = EmulatedOrgs.class.getResourceAsStream("/test-only-keys/" + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
