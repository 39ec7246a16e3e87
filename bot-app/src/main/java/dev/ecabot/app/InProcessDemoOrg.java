package dev.ecabot.app;

import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.emulator.SalesforceEmulator;
import dev.ecabot.salesforce.DemoOrgProvider;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.SignInMethod;
import dev.ecabot.vault.Secret;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.HexFormat;

/**
 * The built-in {@code demo} org: an in-process salesforce-emulator on a free local port, started the first time
 * the demo org is used, with client credentials made up for this process. Given a {@link DemoOrgStateStore}
 * ({@link #keepStateIn}), its apps, settings and consumer credentials are saved in the bot's database after every
 * change and restored at start, so the demo org and the inventory agree across restarts; without one (tests)
 * they live in memory only. Thread-safe; close it at shutdown.
 */
public final class InProcessDemoOrg implements DemoOrgProvider, AutoCloseable {

    /** Long enough to show progress, short enough for a newcomer's first minute. */
    static final Duration DEPLOY_DELAY = Duration.ofMillis(800);

    private final Duration deployDelay;
    private SalesforceEmulator emulator;
    private Org org;
    private java.util.function.Supplier<DemoOrgStateStore> store;

    public InProcessDemoOrg() {
        this(DEPLOY_DELAY);
    }

    InProcessDemoOrg(Duration deployDelay) {
        this.deployDelay = deployDelay;
    }

    /** Keeps the demo org's apps in {@code store} (looked up when the demo org first starts). */
    public synchronized InProcessDemoOrg keepStateIn(java.util.function.Supplier<DemoOrgStateStore> store) {
        this.store = store;
        return this;
    }

    @Override
    public synchronized Org demoOrg() {
        if (org == null) {
            emulator = SalesforceEmulator.builder().deployDelay(deployDelay).build().start();
            if (store != null) {
                DemoOrgStateStore kept = store.get();
                kept.load().ifPresent(emulator.org()::importState);
                emulator.org().onStateChange(kept::save);
            }
            String clientId = "3MVG9Demo" + random(12);
            Secret secret = Secret.of(random(24));
            emulator.org().registerClientCredentials(clientId, secret.reveal(), "ecabot@demo.example.org");
            org = new Org(DEMO_ORG_NAME, OrgEnvironment.PRODUCTION, URI.create(emulator.baseUrl()), "68.0",
                    SignInMethod.ClientCredentials.of(clientId, secret), true);
        }
        return org;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }

    @Override
    public synchronized void close() {
        if (emulator != null) emulator.close();
    }
}
