package dev.ecabot.emulator;

import dev.ecabot.emulator.org.CredentialFactory;
import java.time.Duration;

/**
 * The built-in "demo" org: an emulator with one client-credentials client whose secret is made fresh at each
 * start, so the bot (or anyone trying it) can sign in with zero configuration. The secret is throwaway and
 * valid only against this local emulator; {@link #toString()} leaves it out.
 */
public record DemoOrg(SalesforceEmulator emulator, String clientId, String clientSecret, String username) implements AutoCloseable {

    public static final String CLIENT_ID = "ecabot-demo-client";
    public static final String USERNAME = "demo-admin@ecabot.example";

    /** Starts a demo org on {@code host}:{@code port} (0 for any free port) whose deploys take {@code deployDelay}. */
    public static DemoOrg start(String host, int port, Duration deployDelay) {
        SalesforceEmulator emulator = SalesforceEmulator.builder().host(host).port(port).deployDelay(deployDelay).build();
        String secret = new CredentialFactory().consumerSecret();
        emulator.org().registerClientCredentials(CLIENT_ID, secret, USERNAME);
        emulator.start();
        return new DemoOrg(emulator, CLIENT_ID, secret, USERNAME);
    }

    /** The token endpoint to post client credentials to. */
    public String tokenUrl() {
        return emulator.baseUrl() + "/services/oauth2/token";
    }

    @Override
    public void close() {
        emulator.close();
    }

    @Override
    public String toString() {
        return "DemoOrg[" + emulator.baseUrl() + ", clientId=" + clientId + ", clientSecret=<redacted>, username=" + username + "]";
    }
}
