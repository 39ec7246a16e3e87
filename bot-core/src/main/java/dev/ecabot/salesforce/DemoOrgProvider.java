package dev.ecabot.salesforce;

/**
 * Supplies the built-in {@code demo} org. bot-core cannot depend on the emulator, so bot-app implements this by
 * starting the in-process salesforce-emulator (lazily: only when the demo org is first used).
 */
@FunctionalInterface
public interface DemoOrgProvider {

    String DEMO_ORG_NAME = "demo";

    /** The running demo org, with its base URL and client credentials. */
    Org demoOrg();
}
