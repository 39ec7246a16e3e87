package dev.ecabot.emulator;

/**
 * Where an org's users log in, which is the audience a JWT bearer assertion must name:
 * https://login.salesforce.com for production and developer orgs, https://test.salesforce.com for sandboxes.
 */
public enum LoginEnvironment {
    PRODUCTION("https://login.salesforce.com"),
    SANDBOX("https://test.salesforce.com");

    private final String audience;

    LoginEnvironment(String audience) {
        this.audience = audience;
    }

    public String audience() {
        return audience;
    }
}
