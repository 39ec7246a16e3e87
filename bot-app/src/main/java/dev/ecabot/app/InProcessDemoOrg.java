package dev.ecabot.app;

import dev.ecabot.config.OrgEnvironment;
import dev.ecabot.emulator.SalesforceEmulator;
import dev.ecabot.salesforce.DemoOrgProvider;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.SignInMethod;
import dev.ecabot.vault.Secret;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The built-in {@code demo} org: a salesforce-emulator started in this process on a free loopback port the first
 * time the demo org is used, signed in to by client credentials made up at start. Deploys take one second, so a
 * newcomer sees progress without waiting. Thread-safe; close it at shutdown.
 */
public final class InProcessDemoOrg implements DemoOrgProvider, AutoCloseable {

    private static final String RUN_AS_USER = "ecabot@demo.example.org";

    private SalesforceEmulator emulator;
    private Org org;

    @Override
    public synchronized Org demoOrg() {
        if (org == null) {
            emulator = SalesforceEmulator.builder().deployDelay(Duration.ofSeconds(1)).build().start();
            String clientId = "3MVG9Demo" + random(8);
            Secret clientSecret = Secret.of(random(32));
            emulator.org().registerClientCredentials(clientId, clientSecret.reveal(), RUN_AS_USER);
            org = new Org(DEMO_ORG_NAME, OrgEnvironment.PRODUCTION, URI.create(emulator.baseUrl()), "66.0",
                    SignInMethod.ClientCredentials.of(clientId, clientSecret), true);
        }
        return org;
    }

    @Override
    public synchronized void close() {
        if (emulator != null) emulator.close();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
